package dev.connectome.report.study;

import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;
import dev.connectome.report.svg.Palette;
import dev.connectome.report.svg.Series;
import dev.connectome.report.svg.XyPlot;

import java.util.ArrayList;
import java.util.List;

/**
 * The search's progress: every complete trial's objective as a dot over its trial number, and the
 * best value found so far as a step line.
 */
public final class BestSoFarSection implements ReportSection {

    private final Direction direction;
    private final List<TrialRecord> trials;
    private final String objective;

    /**
     * @param direction whether higher or lower objective values are better
     * @param trials    the study's trials (any states; only complete ones are plotted)
     * @param objective axis label for the objective, e.g. "test accuracy (%)"
     */
    public BestSoFarSection(Direction direction, List<TrialRecord> trials, String objective) {
        this.direction = direction;
        this.trials = Trials.byNumber(trials);
        this.objective = objective;
    }

    @Override
    public String title() {
        return "Best so far";
    }

    /** The plotted chart (exposed for tests and for reuse in other sections). */
    public XyPlot plot() {
        List<TrialRecord> done = trials.stream().filter(t -> t.isComplete() && Double.isFinite(t.value())).toList();
        double[] x = new double[done.size()];
        double[] y = new double[done.size()];
        double[] best = new double[done.size()];
        List<String> labels = new ArrayList<>();
        double b = Double.NaN;
        for (int i = 0; i < done.size(); i++) {
            TrialRecord t = done.get(i);
            x[i] = t.number();
            y[i] = t.value();
            if (direction.better(t.value(), b)) {
                b = t.value();
            }
            best[i] = b;
            labels.add("trial " + t.number() + ": " + Fmt.value(t.value()) + "  " + t.architecture());
        }
        return XyPlot.builder()
                .optTitle("Objective of each trial and best so far (" + direction.name().toLowerCase(java.util.Locale.ROOT) + ")")
                .size(960, 400)
                .optXLabel("trial number")
                .optYLabel(objective)
                .integerX()
                .add(Series.scatter("trial", x, y, Palette.SKY).withLabels(labels))
                .add(Series.step("best so far", x, best, Palette.VERMILION))
                .build();
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        plot().render(out);
        long failed = trials.stream().filter(t -> t.state() == TrialState.FAILED).count();
        long unfinished = trials.stream().filter(t -> !t.state().isFinished()).count();
        StringBuilder note = new StringBuilder("Dots: complete trials (hover for the architecture). ");
        if (failed > 0) {
            note.append(failed).append(failed == 1 ? " failed trial is" : " failed trials are").append(" not plotted. ");
        }
        if (unfinished > 0) {
            note.append(unfinished).append(unfinished == 1 ? " trial is" : " trials are").append(" not finished yet.");
        }
        out.element("p", note.toString().trim(), "class", "note").newline();
    }
}
