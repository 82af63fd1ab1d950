package dev.connectome.report.svg;

import dev.connectome.report.HtmlWriter;

import java.util.List;

/**
 * A row of legend entries (symbol + text) drawn into an SVG, wrapping onto further rows when
 * they do not fit the width.
 */
public record Legend(List<Entry> entries) {

    /** Legend symbol shapes. */
    public enum Symbol { LINE, DOT, SWATCH }

    /** One legend entry. */
    public record Entry(String text, String colour, Symbol symbol) {
    }

    static final double ROW = 18;
    private static final double FONT = 12;
    /** Rough width of one character at 12 px in a sans-serif font; enough to lay out a legend. */
    private static final double CHAR = 6.8;

    public Legend {
        entries = List.copyOf(entries);
    }

    /** Height the legend takes when laid out within {@code width}. */
    public double height(double width) {
        return layout(null, 0, 0, width);
    }

    /** Draws the legend with its top-left corner at (x, y); returns the height used. */
    public double render(HtmlWriter out, double x, double y, double width) {
        return layout(out, x, y, width);
    }

    private double layout(HtmlWriter out, double x0, double y0, double width) {
        if (entries.isEmpty()) {
            return 0;
        }
        double x = x0;
        double y = y0;
        for (Entry e : entries) {
            double w = 22 + e.text().length() * CHAR + 16;
            if (x > x0 && x + w > x0 + width) {
                x = x0;
                y += ROW;
            }
            if (out != null) {
                drawSymbol(out, e, x, y + ROW / 2);
                out.element("text", e.text(), "x", Fmt.coord(x + 22), "y", Fmt.coord(y + ROW / 2 + FONT * 0.35),
                        "font-size", Fmt.coord(FONT), "fill", Palette.TEXT);
            }
            x += w;
        }
        return y - y0 + ROW;
    }

    private static void drawSymbol(HtmlWriter out, Entry e, double x, double cy) {
        switch (e.symbol()) {
            case LINE -> out.empty("line", "x1", Fmt.coord(x), "y1", Fmt.coord(cy), "x2", Fmt.coord(x + 16),
                    "y2", Fmt.coord(cy), "stroke", e.colour(), "stroke-width", "2.5");
            case DOT -> out.empty("circle", "cx", Fmt.coord(x + 8), "cy", Fmt.coord(cy), "r", "4", "fill", e.colour());
            case SWATCH -> out.empty("rect", "x", Fmt.coord(x + 2), "y", Fmt.coord(cy - 6), "width", "12",
                    "height", "12", "rx", "2", "fill", e.colour());
        }
    }
}
