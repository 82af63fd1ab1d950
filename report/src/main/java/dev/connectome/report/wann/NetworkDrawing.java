package dev.connectome.report.wann;

import dev.connectome.nas.graph.Connection;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.Node;
import dev.connectome.nas.graph.NodeKind;
import dev.connectome.nas.graph.WannActivation;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.svg.Fmt;
import dev.connectome.report.svg.Palette;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A layered drawing of a WANN genome in the style of the paper's figures: inputs (and the bias) on
 * the left, hidden nodes in feed-forward layers, outputs on the right; enabled connections as thin
 * curves; every hidden and output node a circle holding a glyph of its activation function (the
 * curve over x ∈ [−2, 2]), coloured by activation, with a legend of the activations that occur.
 *
 * <p>Inputs with no enabled connection are left out when the genome has more than
 * {@link #COMPACT_INPUTS} inputs (MNIST256), so the drawing shows what the network reads.
 */
public final class NetworkDrawing {

    /** Above this many inputs, unconnected inputs are not drawn. */
    public static final int COMPACT_INPUTS = 32;

    private static final double MARGIN_X = 90;
    private static final double COLUMN = 120;
    private static final double TOP = 40;

    private final NeuronGraph graph;
    private final List<String> inputNames;
    private final List<String> outputNames;

    /**
     * @param inputNames  labels of the inputs in order (may be empty: "in 1", "in 2", … are used)
     * @param outputNames labels of the outputs in order (may be empty)
     */
    public NetworkDrawing(NeuronGraph graph, List<String> inputNames, List<String> outputNames) {
        this.graph = graph;
        this.inputNames = List.copyOf(inputNames);
        this.outputNames = List.copyOf(outputNames);
    }

    /** Labels used for the swing-up task's observation and action. */
    public static NetworkDrawing swingUp(NeuronGraph g) {
        return new NetworkDrawing(g, List.of("x", "ẋ", "cos θ", "sin θ", "θ̇"), List.of("force"));
    }

    /** The drawing as a standalone SVG document. */
    public String svgDocument(String title) {
        HtmlWriter out = new HtmlWriter();
        render(out, title);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + out.finish();
    }

    /** Writes the drawing as one {@code <svg>} element with an accessible title. */
    public void render(HtmlWriter out, String title) {
        List<List<Integer>> layers = visibleLayers();
        int tallest = layers.stream().mapToInt(List::size).max().orElse(1);
        double r = tallest > 60 ? 4 : tallest > 24 ? 7 : 13;
        double gap = Math.max(2 * r + (r < 8 ? 3 : 14), 10);
        double height = TOP + tallest * gap + 20;
        double width = 2 * MARGIN_X + Math.max(1, layers.size() - 1) * COLUMN;
        Map<Integer, double[]> at = new HashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            List<Integer> col = layers.get(l);
            double x = MARGIN_X + l * COLUMN;
            double y0 = TOP + (tallest - col.size()) * gap / 2 + gap / 2;
            for (int i = 0; i < col.size(); i++) {
                at.put(col.get(i), new double[] {x, y0 + i * gap});
            }
        }
        TreeSet<Integer> used = new TreeSet<>();
        for (Node n : graph.nodes()) {
            if ((n.kind() == NodeKind.HIDDEN || n.kind() == NodeKind.OUTPUT) && at.containsKey(n.id())) {
                used.add(n.activation());
            }
        }
        double legendY = height;
        double legendHeight = used.isEmpty() ? 0 : 34;
        double total = height + legendHeight;
        out.start("svg", "xmlns", "http://www.w3.org/2000/svg", "width", Fmt.coord(width), "height", Fmt.coord(total),
                "viewBox", "0 0 " + Fmt.coord(width) + " " + Fmt.coord(total), "role", "img", "aria-label", title,
                "font-family", "sans-serif");
        out.element("title", title);
        out.element("text", graph.enabledConnectionCount() + " connections, " + graph.hiddenCount() + " hidden nodes",
                "x", Fmt.coord(width / 2), "y", "18", "text-anchor", "middle", "font-size", "12", "fill", Palette.GREY);
        out.start("g", "fill", "none", "stroke", Palette.GREY, "stroke-opacity", "0.55", "stroke-width", r < 8 ? "0.6" : "1.2");
        for (Connection c : graph.connections()) {
            double[] a = at.get(c.source());
            double[] b = at.get(c.target());
            if (!c.enabled() || a == null || b == null) {
                continue;
            }
            double mx = (a[0] + b[0]) / 2;
            out.empty("path", "d", "M" + Fmt.coord(a[0] + r) + " " + Fmt.coord(a[1]) + " C" + Fmt.coord(mx) + " "
                    + Fmt.coord(a[1]) + " " + Fmt.coord(mx) + " " + Fmt.coord(b[1]) + " " + Fmt.coord(b[0] - r) + " "
                    + Fmt.coord(b[1]));
        }
        out.end("g");
        for (Node n : graph.nodes()) {
            double[] p = at.get(n.id());
            if (p != null) {
                drawNode(out, n, p[0], p[1], r);
            }
        }
        if (!used.isEmpty()) {
            drawLegend(out, used, legendY, width);
        }
        out.end("svg").newline();
    }

    /** Layers with the unconnected inputs of a wide genome dropped (empty layers removed). */
    private List<List<Integer>> visibleLayers() {
        boolean compact = graph.inputCount() > COMPACT_INPUTS;
        TreeSet<Integer> connected = new TreeSet<>();
        for (Connection c : graph.connections()) {
            if (c.enabled()) {
                connected.add(c.source());
                connected.add(c.target());
            }
        }
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> layer : graph.layers()) {
            List<Integer> keep = new ArrayList<>();
            for (int id : layer) {
                NodeKind k = graph.node(id).kind();
                if (!compact || (k != NodeKind.INPUT && k != NodeKind.BIAS) || connected.contains(id)) {
                    keep.add(id);
                }
            }
            if (!keep.isEmpty()) {
                out.add(keep);
            }
        }
        return out;
    }

    private void drawNode(HtmlWriter out, Node n, double x, double y, double r) {
        switch (n.kind()) {
            case BIAS, INPUT -> {
                out.empty("circle", "cx", Fmt.coord(x), "cy", Fmt.coord(y), "r", Fmt.coord(r), "fill", "#FFFFFF",
                        "stroke", Palette.TEXT, "stroke-width", "1");
                String label = n.kind() == NodeKind.BIAS ? "bias" : inputLabel(n.id());
                if (r >= 7) {
                    out.element("text", label, "x", Fmt.coord(x - r - 6), "y", Fmt.coord(y + 4), "text-anchor", "end",
                            "font-size", "12", "fill", Palette.TEXT);
                }
            }
            case HIDDEN, OUTPUT -> {
                String colour = colour(n.activation());
                out.empty("circle", "cx", Fmt.coord(x), "cy", Fmt.coord(y), "r", Fmt.coord(r), "fill", "#FFFFFF",
                        "stroke", colour, "stroke-width", n.kind() == NodeKind.OUTPUT ? "2.5" : "1.5");
                if (r >= 7) {
                    out.empty("path", "d", glyph(n.activation(), x, y, r * 0.7), "fill", "none", "stroke", colour,
                            "stroke-width", "1.4");
                }
                out.element("title", WannActivation.name(n.activation()) + (n.kind() == NodeKind.OUTPUT ? " (output)" : ""));
                if (n.kind() == NodeKind.OUTPUT && r >= 7) {
                    out.element("text", outputLabel(n.id()), "x", Fmt.coord(x + r + 6), "y", Fmt.coord(y + 4),
                            "font-size", "12", "fill", Palette.TEXT);
                }
            }
        }
    }

    private void drawLegend(HtmlWriter out, TreeSet<Integer> used, double y, double width) {
        double x = 20;
        for (int a : used) {
            String colour = colour(a);
            out.empty("circle", "cx", Fmt.coord(x + 10), "cy", Fmt.coord(y + 12), "r", "10", "fill", "#FFFFFF",
                    "stroke", colour, "stroke-width", "1.5");
            out.empty("path", "d", glyph(a, x + 10, y + 12, 7), "fill", "none", "stroke", colour, "stroke-width", "1.4");
            out.element("text", WannActivation.name(a), "x", Fmt.coord(x + 24), "y", Fmt.coord(y + 16), "font-size", "11",
                    "fill", Palette.TEXT);
            x += 34 + 7 * WannActivation.name(a).length();
            if (x > width - 60) {
                break;
            }
        }
    }

    private String inputLabel(int id) {
        int i = graph.nodes().stream().filter(n -> n.kind() == NodeKind.INPUT).map(Node::id).toList().indexOf(id);
        return i >= 0 && i < inputNames.size() ? inputNames.get(i) : "in " + (i + 1);
    }

    private String outputLabel(int id) {
        int i = graph.nodes().stream().filter(n -> n.kind() == NodeKind.OUTPUT).map(Node::id).toList().indexOf(id);
        return i >= 0 && i < outputNames.size() ? outputNames.get(i) : "out " + (i + 1);
    }

    /** A colour per activation id (linear grey, the rest from the categorical palette). */
    static String colour(int activation) {
        return activation == WannActivation.LINEAR ? Palette.TEXT : Palette.categorical(activation);
    }

    /**
     * The activation's curve over x ∈ [−2, 2] as an SVG path in a box of half-size {@code s} around
     * (cx, cy); y is clamped to [−2, 2] and scaled to fit.
     */
    static String glyph(int activation, double cx, double cy, double s) {
        StringBuilder d = new StringBuilder();
        int steps = 24;
        for (int i = 0; i <= steps; i++) {
            double x = -2 + 4.0 * i / steps;
            double y = Math.max(-2, Math.min(2, WannActivation.apply(activation, (float) x)));
            double px = cx + x / 2 * s;
            double py = cy - y / 2 * s;
            d.append(i == 0 ? "M" : " L").append(Fmt.coord(px)).append(' ').append(Fmt.coord(py));
        }
        return d.toString();
    }
}
