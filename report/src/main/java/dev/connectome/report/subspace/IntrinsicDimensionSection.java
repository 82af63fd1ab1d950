package dev.connectome.report.subspace;

import dev.connectome.nas.analysis.IntrinsicDimension;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepResult;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepRun;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;
import dev.connectome.report.svg.Palette;
import dev.connectome.report.svg.Series;
import dev.connectome.report.svg.XyPlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The d_int90 estimate of a sweep: test accuracy against subspace dimension d (every run as a dot,
 * the seed mean as a line, the 90% thresholds as flat lines) and a table of the estimates.
 */
public final class IntrinsicDimensionSection implements ReportSection {
    private final SweepResult result;

    public IntrinsicDimensionSection(SweepResult result) {
        this.result = result;
    }

    @Override
    public String title() {
        return "Intrinsic dimension";
    }

    /** Accuracy over d (exposed for tests). */
    public XyPlot plot() {
        List<SweepRun> sub = result.runs().stream().filter(r -> !r.baseline() && Double.isFinite(r.accuracy())).toList();
        double[] x = sub.stream().mapToDouble(SweepRun::dimension).toArray();
        double[] y = sub.stream().mapToDouble(r -> 100 * r.accuracy()).toArray();
        List<String> labels = sub.stream().map(r -> "d=" + r.dimension() + " seed " + r.seed() + ": "
                + Fmt.fixed(100 * r.accuracy(), 2) + "%").toList();
        XyPlot.Builder b = XyPlot.builder().optTitle("Test accuracy after training in a d-dimensional subspace")
                .size(960, 400).optXLabel("subspace dimension d").optYLabel("test accuracy (%)")
                .add(Series.scatter("run", x, y, Palette.SKY).withLabels(labels));
        IntrinsicDimension.Summary s = result.absolute();
        if (s != null && !s.meanCurve().isEmpty()) {
            double[] mx = s.meanCurve().keySet().stream().mapToDouble(Integer::doubleValue).toArray();
            double[] my = s.meanCurve().values().stream().mapToDouble(v -> 100 * v).toArray();
            b.add(Series.line("mean over seeds", mx, my, Palette.BLUE));
            double lo = mx[0], hi = mx[mx.length - 1];
            if (result.relative() != null) {
                double t = 100 * result.relative().threshold();
                b.add(Series.line("90% of baseline", new double[] {lo, hi}, new double[] {t, t}, Palette.VERMILION));
            }
            b.add(Series.line("90% accuracy (Li et al.)", new double[] {lo, hi}, new double[] {90, 90}, Palette.GREY));
        }
        return b.build();
    }

    /** The estimates as label → value rows. */
    public Map<String, String> table() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("parameters D", Integer.toString(result.ambientDimension()));
        rows.put("projection", result.settings().projection() + ", " + result.settings().mode().name().toLowerCase(Locale.ROOT));
        rows.put("seeds", result.settings().seeds().toString());
        rows.put("dimensions", result.settings().dimensions().toString());
        rows.put("epochs per run", Integer.toString(result.settings().training().epochs()));
        if (!Double.isNaN(result.baselineAccuracy())) {
            rows.put("baseline test accuracy (all D trained)", Fmt.fixed(100 * result.baselineAccuracy(), 2) + "%");
        }
        add(rows, "d_int90, 90% of baseline", result.relative());
        add(rows, "d_int90, 90% absolute (Li et al.'s global baseline)", result.absolute());
        return rows;
    }

    private static void add(Map<String, String> rows, String label, IntrinsicDimension.Summary s) {
        if (s == null) {
            return;
        }
        IntrinsicDimension.Crossing c = s.ofMeanCurve();
        StringBuilder v = new StringBuilder("threshold " + Fmt.fixed(100 * s.threshold(), 2) + "%: ");
        v.append(c.reached() ? Fmt.fixed(c.dimension(), 0) + " (mean curve; first grid point " + c.gridPoint() + ")"
                : "not reached at the largest d");
        List<String> per = new ArrayList<>();
        s.perSeed().forEach((seed, x) -> per.add("seed " + seed + ": " + (x.reached() ? Fmt.fixed(x.dimension(), 0) : "—")));
        v.append("; ").append(String.join(", ", per));
        if (!Double.isNaN(s.seedMean())) {
            v.append("; seeds ").append(Fmt.fixed(s.seedMean(), 0)).append(" ± ").append(Fmt.fixed(s.seedStd(), 0));
        }
        rows.put(label, v.toString());
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        plot().render(out);
        out.start("table", "class", "kv").start("tbody");
        for (Map.Entry<String, String> e : table().entrySet()) {
            out.start("tr").element("th", e.getKey(), "scope", "row").element("td", e.getValue()).end("tr");
        }
        out.end("tbody").end("table").newline();
        out.element("p", "d_int90 is the smallest d whose test accuracy reaches the threshold, interpolated linearly"
                + " between the measured d (Li et al. 2018 report the grid point; MNIST FC: 750).", "class", "note")
                .newline();
    }
}
