package dev.connectome.report.landscape;

import dev.connectome.nas.weights.Checkpoint;
import dev.connectome.nas.weights.TrainingCsv;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;
import dev.connectome.report.svg.LinearScale;
import dev.connectome.report.svg.Palette;
import dev.connectome.report.svg.Ticks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Training and validation accuracy per epoch (or generation) of each method, as in the seed's
 * figure: the line is the mean over seeds, the shaded band spans the minimum and maximum.
 */
public final class AccuracyBandsSection implements ReportSection {
    private static final String[] COLOURS = {Palette.BLUE, Palette.VERMILION, Palette.GREEN, Palette.PURPLE, Palette.ORANGE};
    private static final double W = 460;
    private static final double H = 300;
    private static final double LEFT = 52;
    private static final double RIGHT = 12;
    private static final double TOP = 28;
    private static final double BOTTOM = 38;

    private final Map<String, TreeMap<Integer, List<Checkpoint>>> byMethod = new LinkedHashMap<>();
    private final String stepLabel;
    private final String metric;

    /** {@code stepLabel} names the x axis, e.g. "epoch"; the charts show accuracy. */
    public AccuracyBandsSection(List<TrainingCsv.Row> rows, String stepLabel) {
        this(rows, stepLabel, "accuracy");
    }

    /**
     * {@code metric} names what the checkpoints' train/validation values are, e.g. "accuracy" or
     * "return" (ES on a control task stores episode returns in the same columns).
     */
    public AccuracyBandsSection(List<TrainingCsv.Row> rows, String stepLabel, String metric) {
        for (TrainingCsv.Row r : rows) {
            byMethod.computeIfAbsent(r.method(), m -> new TreeMap<>())
                    .computeIfAbsent(r.checkpoint().step(), s -> new ArrayList<>()).add(r.checkpoint());
        }
        this.stepLabel = stepLabel;
        this.metric = metric;
    }

    @Override
    public String title() {
        return Character.toUpperCase(metric.charAt(0)) + metric.substring(1) + " during training";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        out.element("p", "Mean over seeds (line) with the minimum–maximum range (band).");
        out.start("div", "style", "display:flex;flex-wrap:wrap;gap:12px");
        chart(out, "training " + metric, Checkpoint::trainAccuracy);
        chart(out, "validation " + metric, Checkpoint::validationAccuracy);
        out.end("div");
    }

    private void chart(HtmlWriter out, String title, ToDoubleFunction<Checkpoint> metric) {
        double xlo = Double.POSITIVE_INFINITY, xhi = Double.NEGATIVE_INFINITY;
        double ylo = Double.POSITIVE_INFINITY, yhi = Double.NEGATIVE_INFINITY;
        for (TreeMap<Integer, List<Checkpoint>> steps : byMethod.values()) {
            for (Map.Entry<Integer, List<Checkpoint>> e : steps.entrySet()) {
                xlo = Math.min(xlo, e.getKey());
                xhi = Math.max(xhi, e.getKey());
                for (Checkpoint c : e.getValue()) {
                    double v = metric.applyAsDouble(c);
                    if (Double.isFinite(v)) {
                        ylo = Math.min(ylo, v);
                        yhi = Math.max(yhi, v);
                    }
                }
            }
        }
        if (!(xlo <= xhi) || !(ylo <= yhi)) {
            out.element("p", "no data for " + title);
            return;
        }
        Ticks xt = Ticks.nice(xlo, Math.max(xhi, xlo + 1), 8);
        Ticks yt = Ticks.nice(ylo, Math.max(yhi, ylo + 1e-3), 6);
        LinearScale sx = new LinearScale(xt.lo(), xt.hi(), LEFT, W - RIGHT);
        LinearScale sy = new LinearScale(yt.lo(), yt.hi(), H - BOTTOM, TOP);
        out.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Fmt.coord(W), "height", Fmt.coord(H),
                "viewBox", "0 0 " + Fmt.coord(W) + " " + Fmt.coord(H), "role", "img", "aria-label", title);
        out.element("title", title);
        out.element("text", title, "x", Fmt.coord(LEFT), "y", "16", "font-size", "13");
        for (double v : yt.values()) {
            double y = sy.apply(v);
            out.empty("line", "x1", Fmt.coord(LEFT), "x2", Fmt.coord(W - RIGHT), "y1", Fmt.coord(y), "y2", Fmt.coord(y),
                    "stroke", "#e5e7eb");
            out.element("text", yt.label(v), "x", Fmt.coord(LEFT - 4), "y", Fmt.coord(y + 4), "font-size", "11",
                    "text-anchor", "end");
        }
        for (double v : xt.values()) {
            out.element("text", xt.label(v), "x", Fmt.coord(sx.apply(v)), "y", Fmt.coord(H - BOTTOM + 15), "font-size",
                    "11", "text-anchor", "middle");
        }
        out.element("text", stepLabel, "x", Fmt.coord((LEFT + W - RIGHT) / 2), "y", Fmt.coord(H - 6), "font-size", "12",
                "text-anchor", "middle");
        out.empty("rect", "x", Fmt.coord(LEFT), "y", Fmt.coord(TOP), "width", Fmt.coord(W - LEFT - RIGHT), "height",
                Fmt.coord(H - TOP - BOTTOM), "fill", "none", "stroke", "#9ca3af");
        int k = 0;
        double legendX = LEFT + 150;
        for (Map.Entry<String, TreeMap<Integer, List<Checkpoint>>> m : byMethod.entrySet()) {
            String colour = COLOURS[k++ % COLOURS.length];
            StringBuilder upper = new StringBuilder();
            StringBuilder lower = new StringBuilder();
            StringBuilder mean = new StringBuilder();
            List<double[]> lows = new ArrayList<>();
            for (Map.Entry<Integer, List<Checkpoint>> e : m.getValue().entrySet()) {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, sum = 0;
                for (Checkpoint c : e.getValue()) {
                    double v = metric.applyAsDouble(c);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                    sum += v;
                }
                double x = sx.apply(e.getKey());
                upper.append(upper.length() == 0 ? "M" : "L").append(Fmt.coord(x)).append(' ').append(Fmt.coord(sy.apply(hi)));
                lows.add(new double[] {x, sy.apply(lo)});
                mean.append(mean.length() == 0 ? "M" : "L").append(Fmt.coord(x)).append(' ')
                        .append(Fmt.coord(sy.apply(sum / e.getValue().size())));
            }
            for (int i = lows.size() - 1; i >= 0; i--) {
                lower.append('L').append(Fmt.coord(lows.get(i)[0])).append(' ').append(Fmt.coord(lows.get(i)[1]));
            }
            out.empty("path", "d", upper + lower.toString() + "Z", "fill", colour, "fill-opacity", "0.2", "stroke", "none");
            out.empty("path", "d", mean.toString(), "fill", "none", "stroke", colour, "stroke-width", "1.8");
            out.empty("line", "x1", Fmt.coord(legendX), "x2", Fmt.coord(legendX + 16), "y1", "12", "y2", "12",
                    "stroke", colour, "stroke-width", "3");
            out.element("text", m.getKey(), "x", Fmt.coord(legendX + 20), "y", "16", "font-size", "12");
            legendX += 30 + 8 * m.getKey().length();
        }
        out.end("svg");
    }
}
