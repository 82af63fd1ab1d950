package dev.connectome.report.controller;

import dev.connectome.nas.analysis.ControllerScores;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Palette;
import java.util.List;
import java.util.Locale;

/**
 * Score distributions of architectures sampled from several controllers (trained vs untrained in
 * seed 002): overlaid histograms on common bins and a summary table.
 */
public final class ScoreDistributionSection implements ReportSection {
    private static final String[] COLORS = {Palette.BLUE, Palette.ORANGE, Palette.GREEN, Palette.PURPLE};
    private static final int BINS = 40;
    private static final int W = 640, H = 260, PAD = 40;

    private final String scoreName;
    private final List<ControllerScores> series;

    public ScoreDistributionSection(String scoreName, List<ControllerScores> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("no score series");
        }
        this.scoreName = scoreName;
        this.series = List.copyOf(series);
    }

    @Override
    public String title() {
        return "Scores of sampled architectures";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (ControllerScores s : series) {
            for (double v : s.scores()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        int[][] counts = new int[series.size()][BINS];
        int maxCount = 1;
        for (int k = 0; k < series.size(); k++) {
            for (double v : series.get(k).scores()) {
                int bin = Math.min(BINS - 1, (int) ((v - lo) / (hi - lo) * BINS));
                maxCount = Math.max(maxCount, ++counts[k][bin]);
            }
        }
        out.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Integer.toString(W), "height",
                Integer.toString(H), "viewBox", "0 0 " + W + " " + H, "role", "img");
        double bw = (W - 2.0 * PAD) / BINS;
        for (int k = 0; k < series.size(); k++) {
            for (int b = 0; b < BINS; b++) {
                if (counts[k][b] == 0) {
                    continue;
                }
                double bh = (H - 2.0 * PAD) * counts[k][b] / maxCount;
                out.empty("rect", "x", f(PAD + b * bw), "y", f(H - PAD - bh), "width", f(bw), "height", f(bh),
                        "fill", COLORS[k % COLORS.length], "fill-opacity", "0.45");
            }
        }
        out.empty("line", "x1", f(PAD), "y1", f(H - PAD), "x2", f(W - PAD), "y2", f(H - PAD), "stroke", Palette.BLACK);
        out.element("text", f(lo), "x", f(PAD), "y", f(H - PAD + 16), "font-size", "11");
        out.element("text", f(hi), "x", f(W - PAD), "y", f(H - PAD + 16), "font-size", "11", "text-anchor", "end");
        out.element("text", scoreName, "x", f(W / 2.0), "y", f(H - 6), "font-size", "12", "text-anchor", "middle");
        for (int k = 0; k < series.size(); k++) {
            out.empty("rect", "x", f(PAD + 8), "y", f(PAD - 28 + 16 * k), "width", "10", "height", "10", "fill",
                    COLORS[k % COLORS.length], "fill-opacity", "0.6");
            out.element("text", series.get(k).label(), "x", f(PAD + 24), "y", f(PAD - 19 + 16 * k), "font-size", "11");
        }
        out.end("svg");
        out.start("table").start("thead").start("tr");
        for (String h : new String[] {"controller", "samples", "distinct", "mean", "sd", "median", "90th pct", "max"}) {
            out.element("th", h);
        }
        out.end("tr").end("thead").start("tbody");
        for (ControllerScores s : series) {
            out.start("tr").element("td", s.label()).element("td", Integer.toString(s.scores().length))
                    .element("td", Integer.toString(s.unique())).element("td", f(s.mean())).element("td", f(s.sd()))
                    .element("td", f(s.quantile(0.5))).element("td", f(s.quantile(0.9))).element("td", f(s.max()))
                    .end("tr");
        }
        out.end("tbody").end("table");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
