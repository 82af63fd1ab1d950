package dev.connectome.report.score;

import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;
import dev.connectome.report.svg.Fmt;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Heatmaps of the NASWOT kernel K_H of several cells side by side (as in Mellor et al.'s figure of
 * the best and worst networks): darker = more similar ReLU codes. Each matrix is normalised by its
 * diagonal N_A, so cells with different numbers of ReLUs share one colour scale; batches larger than
 * 64 are shown as 64×64 block averages to keep the file small.
 */
public final class KernelHeatmapSection implements ReportSection {
    private static final int MAX_CELLS = 64;
    private static final double SIDE = 260;

    /**
     * One heatmap: a caption (e.g. "best by score: |…| 93.1%") and its kernel.
     */
    public record Panel(String caption, double[][] kernel) {
        public Panel {
            Objects.requireNonNull(caption, "caption");
            if (kernel.length == 0 || kernel[0].length != kernel.length) {
                throw new IllegalArgumentException("kernel must be a non-empty square matrix");
            }
        }
    }

    private final List<Panel> panels;

    public KernelHeatmapSection(List<Panel> panels) {
        this.panels = List.copyOf(panels);
    }

    @Override
    public String title() {
        return "NASWOT kernels K_H";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        out.element("p", "K_H[i][j] = N_A − Hamming distance between the ReLU codes of images i and j, divided "
                + "by N_A (1 on the diagonal). Fewer dark off-diagonal entries mean the network tells the images "
                + "apart at initialisation, which NASWOT rewards.");
        out.start("div", "style", "display:flex;flex-wrap:wrap;gap:16px");
        for (Panel p : panels) {
            out.start("figure", "style", "margin:0");
            heatmap(out, p.kernel());
            out.start("figcaption", "class", "mono", "style", "max-width:" + (int) SIDE + "px;word-break:break-all")
                    .text(p.caption()).end("figcaption");
            out.end("figure");
        }
        out.end("div").newline();
    }

    private static void heatmap(HtmlWriter out, double[][] k) {
        int n = k.length;
        int cells = Math.min(n, MAX_CELLS);
        double diag = k[0][0] == 0 ? 1 : k[0][0];
        double step = SIDE / cells;
        out.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Fmt.coord(SIDE), "height", Fmt.coord(SIDE),
                "viewBox", "0 0 " + Fmt.coord(SIDE) + " " + Fmt.coord(SIDE), "role", "img");
        for (int bi = 0; bi < cells; bi++) {
            for (int bj = 0; bj < cells; bj++) {
                double v = blockMean(k, bi, bj, cells) / diag;
                int g = (int) Math.round(255 * (1 - Math.max(0, Math.min(1, v))));
                out.empty("rect", "x", Fmt.coord(bj * step), "y", Fmt.coord(bi * step), "width", Fmt.coord(step + 0.05),
                        "height", Fmt.coord(step + 0.05), "fill", String.format(Locale.ROOT, "#%02x%02x%02x", g, g, g));
            }
        }
        out.end("svg");
    }

    private static double blockMean(double[][] k, int bi, int bj, int cells) {
        int n = k.length;
        int r0 = bi * n / cells, r1 = (bi + 1) * n / cells, c0 = bj * n / cells, c1 = (bj + 1) * n / cells;
        double s = 0;
        for (int r = r0; r < r1; r++) {
            for (int c = c0; c < c1; c++) {
                s += k[r][c];
            }
        }
        return s / ((r1 - r0) * (c1 - c0));
    }
}
