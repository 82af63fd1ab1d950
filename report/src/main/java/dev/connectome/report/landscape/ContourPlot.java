package dev.connectome.report.landscape;

import dev.connectome.nas.analysis.LandscapeGrid;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.svg.Fmt;
import java.util.Locale;

/**
 * A filled contour plot of one {@link LandscapeGrid} as inline SVG: the loss is binned into
 * log-spaced levels between its minimum and maximum (the landscapes span orders of magnitude),
 * each grid cell is filled with its level's colour (runs of equal colour merged into one rectangle),
 * and the level boundaries are traced with marching squares. α1 runs along x, α2 along y.
 */
public final class ContourPlot {
    /** Number of filled levels. */
    public static final int LEVELS = 12;
    private static final double MARGIN = 4;

    private final LandscapeGrid grid;
    private final double size;

    public ContourPlot(LandscapeGrid grid, double size) {
        this.grid = grid;
        this.size = size;
    }

    /** Level boundaries: LEVELS+1 values from the minimum to the largest finite loss, log-spaced. */
    static double[] levels(LandscapeGrid g) {
        double lo = Math.max(g.minLoss(), 1e-9);
        double hi = Math.max(g.maxLoss(), lo * 1.0001);
        double[] l = new double[LEVELS + 1];
        for (int k = 0; k <= LEVELS; k++) {
            l[k] = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * k / LEVELS);
        }
        l[0] = lo;
        l[LEVELS] = hi;
        return l;
    }

    static int band(double v, double[] levels) {
        if (!Double.isFinite(v)) {
            return LEVELS - 1;
        }
        for (int k = 1; k < levels.length - 1; k++) {
            if (v < levels[k]) {
                return k - 1;
            }
        }
        return LEVELS - 1;
    }

    public void render(HtmlWriter out) {
        double[] a = grid.alphas();
        int n = a.length;
        double[][] loss = grid.loss();
        double[] levels = levels(grid);
        double inner = size - 2 * MARGIN;
        double cell = inner / n;
        out.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Fmt.coord(size), "height", Fmt.coord(size),
                "viewBox", "0 0 " + Fmt.coord(size) + " " + Fmt.coord(size), "role", "img", "aria-label",
                "loss landscape of " + grid.label() + " at sigma " + Fmt.value(grid.sigma()));
        out.element("title", String.format(Locale.ROOT, "%s, σ = %s: loss %.3g at the centre, %.3g … %.3g",
                grid.label(), Fmt.value(grid.sigma()), grid.centreLoss(), grid.minLoss(), grid.maxLoss()));
        // Cells: x = α1 index i, y = α2 index j drawn upwards.
        for (int j = 0; j < n; j++) {
            double y = MARGIN + (n - 1 - j) * cell;
            int i = 0;
            while (i < n) {
                int b = band(loss[i][j], levels);
                int run = i + 1;
                while (run < n && band(loss[run][j], levels) == b) {
                    run++;
                }
                out.empty("rect", "x", Fmt.coord(MARGIN + i * cell), "y", Fmt.coord(y), "width",
                        Fmt.coord((run - i) * cell + 0.3), "height", Fmt.coord(cell + 0.3), "fill",
                        Viridis.at((b + 0.5) / LEVELS));
                i = run;
            }
        }
        for (int k = 1; k < LEVELS; k++) {
            String d = isoline(loss, levels[k], cell);
            if (!d.isEmpty()) {
                out.empty("path", "d", d, "fill", "none", "stroke", "#000000", "stroke-opacity", "0.35",
                        "stroke-width", "0.6");
            }
        }
        // Cross-hair at the solution.
        double c = MARGIN + inner / 2;
        out.empty("circle", "cx", Fmt.coord(c), "cy", Fmt.coord(c), "r", "2.5", "fill", "#ffffff", "stroke", "#000000");
        out.end("svg");
    }

    /** Marching squares over cell centres: one path of segments where the loss crosses {@code level}. */
    static String isoline(double[][] f, double level, double cell) {
        int n = f.length;
        StringBuilder d = new StringBuilder();
        for (int i = 0; i + 1 < n; i++) {
            for (int j = 0; j + 1 < n; j++) {
                double v00 = f[i][j];
                double v10 = f[i + 1][j];
                double v01 = f[i][j + 1];
                double v11 = f[i + 1][j + 1];
                double[] px = new double[4];
                double[] py = new double[4];
                int m = 0;
                // Edges: bottom (00-10), right (10-11), top (01-11), left (00-01); coordinates in index units.
                if (crosses(v00, v10, level)) {
                    px[m] = i + t(v00, v10, level);
                    py[m++] = j;
                }
                if (crosses(v10, v11, level)) {
                    px[m] = i + 1;
                    py[m++] = j + t(v10, v11, level);
                }
                if (crosses(v01, v11, level)) {
                    px[m] = i + t(v01, v11, level);
                    py[m++] = j + 1;
                }
                if (crosses(v00, v01, level)) {
                    px[m] = i;
                    py[m++] = j + t(v00, v01, level);
                }
                for (int s = 0; s + 1 < m; s += 2) {
                    d.append('M').append(Fmt.coord(x(px[s], cell))).append(' ').append(Fmt.coord(y(py[s], n, cell)))
                            .append('L').append(Fmt.coord(x(px[s + 1], cell))).append(' ')
                            .append(Fmt.coord(y(py[s + 1], n, cell)));
                }
            }
        }
        return d.toString();
    }

    private static boolean crosses(double a, double b, double level) {
        return Double.isFinite(a) && Double.isFinite(b) && (a < level) != (b < level);
    }

    private static double t(double a, double b, double level) {
        return (level - a) / (b - a);
    }

    private static double x(double i, double cell) {
        return MARGIN + (i + 0.5) * cell;
    }

    private static double y(double j, int n, double cell) {
        return MARGIN + (n - 1 - j + 0.5) * cell;
    }
}
