package dev.connectome.report.svg;

import dev.connectome.report.HtmlWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A two-axis chart as inline SVG: nice-tick axes with grid lines, any number of line, step and
 * scatter {@link Series}, and a legend above the plot. Non-finite points are skipped (lines
 * break at them); a plot without any finite point shows its axes and "no data".
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class XyPlot {

    private static final double LEFT = 64;
    private static final double RIGHT = 18;
    private static final double TOP = 10;
    private static final double BOTTOM = 46;
    private static final double FONT = 12;

    private final double width;
    private final double height;
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean integerX;
    private final double[] yInclude;
    private final List<Series> series;

    private XyPlot(Builder b) {
        this.width = b.width;
        this.height = b.height;
        this.title = b.title;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.integerX = b.integerX;
        this.yInclude = b.yInclude.stream().mapToDouble(Double::doubleValue).toArray();
        this.series = List.copyOf(b.series);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Series> series() {
        return series;
    }

    /** Writes the chart as one {@code <svg>} element. */
    public void render(HtmlWriter out) {
        double[] xr = range(true);
        double[] yr = range(false);
        for (double v : yInclude) {
            if (yr == null) {
                yr = new double[] {v, v};
            } else {
                yr[0] = Math.min(yr[0], v);
                yr[1] = Math.max(yr[1], v);
            }
        }
        boolean noData = xr == null;
        Ticks xt = noData ? Ticks.nice(0, 1, 5) : integerX
                ? integerTicks(xr[0], xr[1]) : Ticks.nice(xr[0], xr[1], 8);
        Ticks yt = yr == null ? Ticks.nice(0, 1, 5) : Ticks.nice(yr[0], yr[1], 6);

        Legend legend = legend();
        double legendHeight = legend.height(width - LEFT - RIGHT);
        double top = TOP + (legendHeight > 0 ? legendHeight + 6 : 0);
        double plotBottom = height - BOTTOM;
        LinearScale sx = new LinearScale(xt.lo(), xt.hi(), LEFT, width - RIGHT);
        LinearScale sy = new LinearScale(yt.lo(), yt.hi(), plotBottom, top);

        out.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Fmt.coord(width), "height", Fmt.coord(height),
                "viewBox", "0 0 " + Fmt.coord(width) + " " + Fmt.coord(height), "role", "img",
                "aria-label", title == null ? "chart" : title);
        if (title != null) {
            out.element("title", title);
        }
        legend.render(out, LEFT, TOP, width - LEFT - RIGHT);
        drawAxes(out, xt, yt, sx, sy, top, plotBottom);
        if (noData) {
            out.element("text", "no data", "x", Fmt.coord((LEFT + width - RIGHT) / 2), "y",
                    Fmt.coord((top + plotBottom) / 2), "text-anchor", "middle", "font-size", "14", "fill", Palette.GREY);
        } else {
            for (Series s : series) {
                drawSeries(out, s, sx, sy);
            }
        }
        out.end("svg").newline();
    }

    private Legend legend() {
        List<Legend.Entry> entries = new ArrayList<>();
        for (Series s : series) {
            if (s.name() != null && !s.name().isBlank()) {
                entries.add(new Legend.Entry(s.name(), s.colour(),
                        s.kind() == Series.Kind.SCATTER ? Legend.Symbol.DOT : Legend.Symbol.LINE));
            }
        }
        return new Legend(entries);
    }

    /** [min, max] over the finite points of all series, or null when there are none. */
    private double[] range(boolean xAxis) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.size(); i++) {
                if (s.finiteAt(i)) {
                    double v = xAxis ? s.xAt(i) : s.yAt(i);
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : null;
    }

    /** Ticks at whole numbers: the data range widened to integers (at least two units wide). */
    private static Ticks integerTicks(double lo, double hi) {
        Ticks t = Ticks.nice(lo, hi, 8);
        if (t.step() >= 1) {
            return t;
        }
        double a = Math.floor(lo);
        double b = Math.ceil(hi);
        if (b - a < 2) {
            a -= 1;
            b += 1;
        }
        return Ticks.nice(a, b, (int) Math.min(8, b - a));
    }

    private void drawAxes(HtmlWriter out, Ticks xt, Ticks yt, LinearScale sx, LinearScale sy,
                          double top, double bottom) {
        out.start("g", "font-size", Fmt.coord(FONT), "fill", Palette.TEXT);
        for (double v : yt.values()) {
            String y = Fmt.coord(sy.apply(v));
            out.empty("line", "x1", Fmt.coord(LEFT), "y1", y, "x2", Fmt.coord(width - RIGHT), "y2", y,
                    "stroke", "#EAEEF2", "stroke-width", "1");
            out.element("text", yt.label(v), "x", Fmt.coord(LEFT - 6), "y", Fmt.coord(sy.apply(v) + FONT * 0.35),
                    "text-anchor", "end");
        }
        for (double v : xt.values()) {
            String x = Fmt.coord(sx.apply(v));
            out.empty("line", "x1", x, "y1", Fmt.coord(bottom), "x2", x, "y2", Fmt.coord(bottom + 5),
                    "stroke", Palette.GREY, "stroke-width", "1");
            out.element("text", xt.label(v), "x", x, "y", Fmt.coord(bottom + 5 + FONT), "text-anchor", "middle");
        }
        out.empty("line", "x1", Fmt.coord(LEFT), "y1", Fmt.coord(bottom), "x2", Fmt.coord(width - RIGHT),
                "y2", Fmt.coord(bottom), "stroke", Palette.GREY, "stroke-width", "1");
        out.empty("line", "x1", Fmt.coord(LEFT), "y1", Fmt.coord(top), "x2", Fmt.coord(LEFT),
                "y2", Fmt.coord(bottom), "stroke", Palette.GREY, "stroke-width", "1");
        if (xLabel != null) {
            out.element("text", xLabel, "x", Fmt.coord((LEFT + width - RIGHT) / 2), "y", Fmt.coord(height - 8),
                    "text-anchor", "middle");
        }
        if (yLabel != null) {
            double cy = (top + bottom) / 2;
            out.element("text", yLabel, "x", "14", "y", Fmt.coord(cy), "text-anchor", "middle",
                    "transform", "rotate(-90 14 " + Fmt.coord(cy) + ")");
        }
        out.end("g");
    }

    private static void drawSeries(HtmlWriter out, Series s, LinearScale sx, LinearScale sy) {
        if (s.kind() == Series.Kind.SCATTER) {
            out.start("g", "fill", s.colour(), "fill-opacity", "0.65");
            for (int i = 0; i < s.size(); i++) {
                if (!s.finiteAt(i)) {
                    continue;
                }
                String cx = Fmt.coord(sx.apply(s.xAt(i)));
                String cy = Fmt.coord(sy.apply(s.yAt(i)));
                if (s.labels().isEmpty()) {
                    out.empty("circle", "cx", cx, "cy", cy, "r", "3");
                } else {
                    out.start("circle", "cx", cx, "cy", cy, "r", "3").element("title", s.labels().get(i)).end("circle");
                }
            }
            out.end("g");
            return;
        }
        // one path with a new sub-path ("M") after every gap, so NaN breaks the line
        StringBuilder d = new StringBuilder();
        boolean penDown = false;
        int drawn = 0;
        double lastY = 0;
        for (int i = 0; i < s.size(); i++) {
            if (!s.finiteAt(i)) {
                penDown = false;
                continue;
            }
            double px = sx.apply(s.xAt(i));
            double py = sy.apply(s.yAt(i));
            if (!penDown) {
                d.append(d.length() == 0 ? "M" : " M").append(Fmt.coord(px)).append(' ').append(Fmt.coord(py));
                penDown = true;
            } else if (s.kind() == Series.Kind.STEP) {
                d.append(" H").append(Fmt.coord(px));
                if (py != lastY) {
                    d.append(" V").append(Fmt.coord(py));
                }
            } else {
                d.append(" L").append(Fmt.coord(px)).append(' ').append(Fmt.coord(py));
            }
            lastY = py;
            drawn++;
        }
        if (drawn == 0) {
            return;
        }
        out.empty("path", "d", d.toString(), "fill", "none", "stroke", s.colour(), "stroke-width", "2",
                "stroke-linejoin", "round", "stroke-linecap", "round");
    }

    /** Builder for {@link XyPlot}; the default size is 720 × 360. */
    public static final class Builder {
        private double width = 720;
        private double height = 360;
        private String title;
        private String xLabel;
        private String yLabel;
        private boolean integerX;
        private final List<Double> yInclude = new ArrayList<>();
        private final List<Series> series = new ArrayList<>();

        private Builder() {
        }

        public Builder size(double w, double h) {
            if (!(w >= 160) || !(h >= 120) || !Double.isFinite(w) || !Double.isFinite(h)) {
                throw new IllegalArgumentException("plot must be at least 160 x 120 px, got " + w + " x " + h);
            }
            this.width = w;
            this.height = h;
            return this;
        }

        /** Accessible title (shown as a tooltip and read by screen readers). */
        public Builder optTitle(String t) {
            this.title = t;
            return this;
        }

        public Builder optXLabel(String label) {
            this.xLabel = label;
            return this;
        }

        public Builder optYLabel(String label) {
            this.yLabel = label;
            return this;
        }

        /** Ticks on the x axis at whole numbers only (trial numbers, generations). */
        public Builder integerX() {
            this.integerX = true;
            return this;
        }

        /** Extends the y axis to include v (e.g. a reference value or 0); non-finite values are ignored. */
        public Builder includeY(double v) {
            if (Double.isFinite(v)) {
                yInclude.add(v);
            }
            return this;
        }

        public Builder add(Series s) {
            series.add(Objects.requireNonNull(s, "series"));
            return this;
        }

        public XyPlot build() {
            return new XyPlot(this);
        }
    }
}
