package dev.connectome.report.subspace;

import dev.connectome.nas.analysis.IntrinsicDimensionSweep.StepLoss;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepResult;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepRun;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Palette;
import dev.connectome.report.svg.Series;
import dev.connectome.report.svg.XyPlot;
import java.util.List;

/**
 * Training loss over steps and test accuracy over steps, one line per d (and the full network), for
 * one seed: the two figures of seed 003 ("2-layer fc NN loss / test accuracy on MNIST").
 */
public final class SubspaceCurvesSection implements ReportSection {
    private final SweepResult result;
    private final long seed;

    /** Curves of the runs with {@code seed}. */
    public SubspaceCurvesSection(SweepResult result, long seed) {
        this.result = result;
        this.seed = seed;
    }

    @Override
    public String title() {
        return "Loss and accuracy per d (seed " + seed + ")";
    }

    private List<SweepRun> runs() {
        return result.runs().stream().filter(r -> r.seed() == seed).toList();
    }

    private static String label(SweepRun r) {
        return r.baseline() ? "full (" + r.parameters() + ")" : "[ω]=" + r.dimension();
    }

    /** Training loss (running mean within each epoch) over the optimizer step. */
    public XyPlot lossPlot() {
        XyPlot.Builder b = XyPlot.builder().optTitle("Training loss, D = " + result.ambientDimension())
                .size(960, 380).optXLabel("train step").optYLabel("loss").includeY(0);
        List<SweepRun> rs = runs();
        for (int i = 0; i < rs.size(); i++) {
            SweepRun r = rs.get(i);
            double[] x = r.losses().stream().mapToDouble(StepLoss::step).toArray();
            double[] y = r.losses().stream().mapToDouble(s -> Math.min(s.loss(), 2.5)).toArray();
            if (x.length > 0) {
                b.add(Series.line(label(r), x, y, Palette.categorical(i)));
            }
        }
        return b.build();
    }

    /** Test accuracy after each epoch over the optimizer step. */
    public XyPlot accuracyPlot() {
        XyPlot.Builder b = XyPlot.builder().optTitle("Test accuracy, D = " + result.ambientDimension())
                .size(960, 380).optXLabel("train step").optYLabel("test accuracy (%)");
        List<SweepRun> rs = runs();
        for (int i = 0; i < rs.size(); i++) {
            SweepRun r = rs.get(i);
            double[] x = r.epochs().stream().mapToDouble(e -> (double) e.epoch() * r.stepsPerEpoch()).toArray();
            double[] y = r.epochs().stream().mapToDouble(e -> 100 * e.validationAccuracy()).toArray();
            if (x.length > 0) {
                b.add(Series.line(label(r), x, y, Palette.categorical(i)));
            }
        }
        return b.build();
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        lossPlot().render(out);
        accuracyPlot().render(out);
        out.element("p", "Loss: running mean over each epoch's steps so far (clipped at 2.5, as the seed's plot)."
                + " Accuracy: on the test set after every epoch.", "class", "note").newline();
    }
}
