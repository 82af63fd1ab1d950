package dev.connectome.report.svg;

import dev.connectome.report.HtmlWriter;

import java.util.List;
import java.util.Objects;

/**
 * A drawing of a cell: a small DAG whose nodes sit in a row, left to right, with labelled,
 * coloured, directed edges. Edges between neighbours are straight; longer edges arc above (even
 * spans) or below (odd spans) so that parallel paths stay apart. Suits NAS-Bench-201 and other
 * cell spaces (DARTS-like cells, layer chains).
 *
 * @param nodes  nodes in drawing order (index = node id)
 * @param edges  edges between node ids, from &lt; to
 * @param legend drawn under the cell (may be empty)
 */
public record CellDiagram(List<Node> nodes, List<Edge> edges, Legend legend) {

    /** A node: short text inside the circle, and an optional caption under it. */
    public record Node(String label, String caption) {
    }

    /** A directed edge drawn from node {@code from} to node {@code to}. */
    public record Edge(int from, int to, String label, String colour, boolean dashed) {
    }

    private static final double R = 17;
    private static final double GAP = 175;
    private static final double MARGIN = 50;
    private static final double ARC = 58;

    public CellDiagram {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        Objects.requireNonNull(legend, "legend");
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a cell diagram needs at least one node");
        }
        for (Edge e : edges) {
            if (e.from() < 0 || e.to() >= nodes.size() || e.from() >= e.to()) {
                throw new IllegalArgumentException("edge " + e.from() + "->" + e.to() + " does not go forward between "
                        + "nodes 0.." + (nodes.size() - 1));
            }
        }
    }

    /** Writes the drawing as one {@code <svg>} element with the given accessible title. */
    public void render(HtmlWriter out, String title) {
        double above = 28 + bulge(largestSpan(true));
        double below = 28 + Math.max(bulge(largestSpan(false)), 16);
        double width = 2 * MARGIN + Math.max(1, nodes.size() - 1) * GAP;
        double legendHeight = legend.height(width - 2 * MARGIN);
        double cy = above + R;
        double height = cy + R + below + (legendHeight > 0 ? legendHeight + 8 : 0);

        out.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Fmt.coord(width), "height",
                Fmt.coord(height), "viewBox", "0 0 " + Fmt.coord(width) + " " + Fmt.coord(height), "role", "img",
                "aria-label", title);
        out.element("title", title);
        for (Edge e : edges) {
            drawEdge(out, e, cy);
        }
        for (Edge e : edges) {
            drawEdgeLabel(out, e, cy);
        }
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            double x = nodeX(i);
            out.empty("circle", "cx", Fmt.coord(x), "cy", Fmt.coord(cy), "r", Fmt.coord(R), "fill", "#FFFFFF",
                    "stroke", Palette.TEXT, "stroke-width", "1.5");
            out.element("text", n.label(), "x", Fmt.coord(x), "y", Fmt.coord(cy + 5), "text-anchor", "middle",
                    "font-size", "14", "font-weight", "600", "fill", Palette.TEXT);
            if (n.caption() != null) {
                out.element("text", n.caption(), "x", Fmt.coord(x), "y", Fmt.coord(cy + R + 15),
                        "text-anchor", "middle", "font-size", "11", "fill", Palette.GREY);
            }
        }
        legend.render(out, MARGIN, cy + R + below, width - 2 * MARGIN);
        out.end("svg").newline();
    }

    private int largestSpan(boolean up) {
        return edges.stream().mapToInt(e -> e.to() - e.from()).filter(s -> s > 1 && (s % 2 == 0) == up).max().orElse(0);
    }

    /** Height of the middle of an arc over span s, in px (a quadratic curve peaks halfway to its control point). */
    private static double bulge(int span) {
        return span <= 1 ? 0 : ARC * span / 2;
    }

    private static double nodeX(int i) {
        return MARGIN + i * GAP;
    }

    /** Control point of the edge's quadratic curve; for a straight edge, the midpoint. */
    private static double[] control(Edge e, double cy) {
        int span = e.to() - e.from();
        double mx = (nodeX(e.from()) + nodeX(e.to())) / 2;
        if (span == 1) {
            return new double[] {mx, cy};
        }
        double offset = ARC * span * (span % 2 == 0 ? -1 : 1);
        return new double[] {mx, cy + offset};
    }

    private static void drawEdge(HtmlWriter out, Edge e, double cy) {
        double[] c = control(e, cy);
        double[] start = towards(nodeX(e.from()), cy, c, R);
        double[] tipBase = towards(nodeX(e.to()), cy, c, R);
        // shorten the stroke so it ends under the arrowhead instead of poking through its tip
        double[] dir = unit(tipBase[0] - c[0], tipBase[1] - c[1]);
        double head = 10;
        double[] end = {tipBase[0] - dir[0] * head * 0.6, tipBase[1] - dir[1] * head * 0.6};
        String d = "M" + Fmt.coord(start[0]) + " " + Fmt.coord(start[1]) + " Q" + Fmt.coord(c[0]) + " "
                + Fmt.coord(c[1]) + " " + Fmt.coord(end[0]) + " " + Fmt.coord(end[1]);
        out.empty("path", "d", d, "fill", "none", "stroke", e.colour(), "stroke-width", "2.5",
                "stroke-dasharray", e.dashed() ? "6 4" : null);
        double[] n = {-dir[1], dir[0]};
        double bx = tipBase[0] - dir[0] * head;
        double by = tipBase[1] - dir[1] * head;
        String points = Fmt.coord(tipBase[0]) + "," + Fmt.coord(tipBase[1]) + " "
                + Fmt.coord(bx + n[0] * head * 0.45) + "," + Fmt.coord(by + n[1] * head * 0.45) + " "
                + Fmt.coord(bx - n[0] * head * 0.45) + "," + Fmt.coord(by - n[1] * head * 0.45);
        out.empty("polygon", "points", points, "fill", e.colour());
    }

    private static void drawEdgeLabel(HtmlWriter out, Edge e, double cy) {
        if (e.label() == null || e.label().isEmpty()) {
            return;
        }
        double[] c = control(e, cy);
        double x0 = nodeX(e.from());
        double x1 = nodeX(e.to());
        // the point of a quadratic Bézier at t = 1/2
        double mx = 0.25 * x0 + 0.5 * c[0] + 0.25 * x1;
        double my = 0.25 * cy + 0.5 * c[1] + 0.25 * cy;
        double dy = e.to() - e.from() == 1 ? -8 : (c[1] < cy ? -10 : 16);
        out.element("text", e.label(), "x", Fmt.coord(mx), "y", Fmt.coord(my + dy), "text-anchor", "middle",
                "font-size", "12", "fill", Palette.TEXT, "stroke", "#FFFFFF", "stroke-width", "4",
                "paint-order", "stroke", "stroke-linejoin", "round");
    }

    /** The point at distance r from (x, y) in the direction of p. */
    private static double[] towards(double x, double y, double[] p, double r) {
        double[] u = unit(p[0] - x, p[1] - y);
        return new double[] {x + u[0] * r, y + u[1] * r};
    }

    private static double[] unit(double dx, double dy) {
        double len = Math.hypot(dx, dy);
        return len == 0 ? new double[] {1, 0} : new double[] {dx / len, dy / len};
    }
}
