package dev.connectome.report.score;

import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;
import java.util.List;

/** Table of correlations between each zero-cost score and trained accuracy. */
public final class ScoreCorrelationSection implements ReportSection {
    private final List<ScoreCorrelation> rows;
    private final String accuracyName;
    private final String note;

    /**
     * @param accuracyName e.g. "NB201 CIFAR-10 test accuracy (200 epochs)"
     * @param note         where the input batch came from (shown under the table)
     */
    public ScoreCorrelationSection(List<ScoreCorrelation> rows, String accuracyName, String note) {
        this.rows = List.copyOf(rows);
        this.accuracyName = accuracyName;
        this.note = note;
    }

    @Override
    public String title() {
        return "Score vs accuracy: correlations";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        out.element("p", "Correlation of each score with " + accuracyName + ". τ is Kendall's τ-b with a 95% "
                + "bootstrap interval; NASWOT's paper reports τ = 0.574 on NB201 CIFAR-10.");
        out.start("table").start("thead").start("tr").element("th", "score").element("th", "cells", "class", "num")
                .element("th", "Kendall τ", "class", "num").element("th", "95% interval", "class", "num")
                .element("th", "Spearman ρ", "class", "num").element("th", "Pearson r", "class", "num")
                .end("tr").end("thead").start("tbody").newline();
        for (ScoreCorrelation r : rows) {
            out.start("tr").element("td", r.score(), "class", "mono")
                    .element("td", Integer.toString(r.values().length), "class", "num")
                    .element("td", Fmt.fixed(r.tau().estimate(), 3), "class", "num")
                    .element("td", Fmt.fixed(r.tau().low(), 3) + " – " + Fmt.fixed(r.tau().high(), 3), "class", "num")
                    .element("td", Fmt.fixed(r.spearman(), 3), "class", "num")
                    .element("td", Fmt.fixed(r.pearson(), 3), "class", "num").end("tr").newline();
        }
        out.end("tbody").end("table").newline();
        if (note != null && !note.isBlank()) {
            out.element("p", note, "class", "note");
        }
    }
}
