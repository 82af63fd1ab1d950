package dev.connectome.report.score;

import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;
import dev.connectome.report.svg.Palette;
import dev.connectome.report.svg.Series;
import dev.connectome.report.svg.XyPlot;

/** Scatter plot of one score against accuracy, with Kendall τ in the title. */
public final class ScoreScatterSection implements ReportSection {
    private final ScoreCorrelation data;
    private final String accuracyName;

    public ScoreScatterSection(ScoreCorrelation data, String accuracyName) {
        this.data = data;
        this.accuracyName = accuracyName;
    }

    @Override
    public String title() {
        return data.score() + " vs accuracy";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        XyPlot.builder().size(640, 360)
                .optTitle(data.score() + ": Kendall τ = " + Fmt.fixed(data.tau().estimate(), 3) + " over "
                        + data.values().length + " cells")
                .optXLabel(data.score() + " score").optYLabel(accuracyName)
                .add(Series.scatter(data.score(), data.values(), data.accuracy(), Palette.BLUE))
                .build().render(out);
    }
}
