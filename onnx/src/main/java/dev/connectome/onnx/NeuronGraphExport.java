package dev.connectome.onnx;

import dev.connectome.nas.graph.Connection;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.Node;
import dev.connectome.nas.graph.NodeKind;
import dev.connectome.nas.graph.WannActivation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link NeuronGraph} (a WANN genome) with shared or per-connection weights as an ONNX graph.
 *
 * <p>Layer by layer (the genome's feed-forward layers): the values computed so far form one matrix
 * A [batch, k]; a layer's pre-activations are A·W + b (one MatMul, b holding the bias node's weights), its
 * nodes are sorted by activation so each activation applies to one contiguous column slice, and the
 * results are appended to A. This gives O(layers) operators rather than one per neuron, and a runtime
 * evaluates it with a few dense products.
 */
public final class NeuronGraphExport {
    private NeuronGraphExport() {
    }

    /** Every enabled connection has weight {@code sharedWeight} (weight-agnostic evaluation). */
    public static OnnxModel shared(NeuronGraph g, float sharedWeight, ModelInfo info) {
        float[] w = new float[g.enabledConnectionCount()];
        Arrays.fill(w, sharedWeight);
        return of(g, w, info);
    }

    /**
     * @param weights one weight per enabled connection in {@link GraphNet}'s (WANNTool wKey) order
     */
    public static OnnxModel of(NeuronGraph g, float[] weights, ModelInfo info) {
        List<Connection> enabled = enabledInWeightOrder(g);
        if (weights.length != enabled.size()) {
            throw new OnnxExportException("the genome has " + enabled.size() + " enabled connections but "
                    + weights.length + " weights were given");
        }
        Map<Integer, Node> nodes = new HashMap<>();
        g.nodes().forEach(n -> nodes.put(n.id(), n));
        // column of each computed value in A; bias is not a column (its weights become the additive term)
        Map<Integer, Integer> column = new HashMap<>();
        int biasId = -1;
        List<Integer> inputIds = new ArrayList<>();
        for (Node n : g.evaluationOrder()) {
            if (n.kind() == NodeKind.BIAS) {
                biasId = n.id();
            } else if (n.kind() == NodeKind.INPUT) {
                column.put(n.id(), inputIds.size());
                inputIds.add(n.id());
            }
        }
        Map<Integer, List<int[]>> incoming = new HashMap<>(); // target → (source id, weight index)
        for (int k = 0; k < enabled.size(); k++) {
            Connection c = enabled.get(k);
            incoming.computeIfAbsent(c.target(), t -> new ArrayList<>()).add(new int[] {c.source(), k});
        }

        OnnxGraph onnx = new OnnxGraph(info.name());
        String a = onnx.input(info.inputName(), OnnxGraph.BATCH, g.inputCount());
        int width = g.inputCount();
        List<Integer> outputColumns = new ArrayList<>();
        List<List<Integer>> layers = g.layers();
        for (int l = 1; l < layers.size(); l++) {
            List<Node> layer = new ArrayList<>();
            for (int id : layers.get(l)) {
                layer.add(nodes.get(id));
            }
            layer.sort(Comparator.comparingInt(Node::activation)); // stable: keeps id order inside a group
            int n = layer.size();
            float[] w = new float[width * n];
            float[] b = new float[n];
            for (int j = 0; j < n; j++) {
                for (int[] in : incoming.getOrDefault(layer.get(j).id(), List.of())) {
                    float weight = weights[in[1]];
                    if (in[0] == biasId) {
                        b[j] += weight;
                    } else {
                        Integer col = column.get(in[0]);
                        if (col == null) {
                            throw new OnnxExportException("connection from node " + in[0] + " to node "
                                    + layer.get(j).id() + " does not go from an earlier layer to a later one");
                        }
                        w[col * n + j] += weight;
                    }
                }
            }
            String hint = "layer" + l;
            String pre = onnx.op("Add", hint + ".pre", List.of(
                    onnx.op("MatMul", hint + ".sum", List.of(a, onnx.weight(hint + ".weight", w, width, n))),
                    onnx.weight(hint + ".bias", b, n)));
            List<String> parts = new ArrayList<>();
            int from = 0;
            while (from < n) {
                int act = layer.get(from).activation();
                int to = from;
                while (to < n && layer.get(to).activation() == act) {
                    to++;
                }
                String slice = from == 0 && to == n ? pre : onnx.op("Slice", hint + ".cols", List.of(pre,
                        onnx.int64(hint + ".from", new long[] {from}, 1), onnx.int64(hint + ".to", new long[] {to}, 1),
                        onnx.int64(hint + ".axis", new long[] {1}, 1)));
                parts.add(activation(onnx, act, slice, hint + "." + WannActivation.name(act)));
                from = to;
            }
            String values = parts.size() == 1 ? parts.get(0)
                    : onnx.op("Concat", hint + ".values", parts, Attr.integer("axis", 1));
            a = onnx.op("Concat", hint + ".all", List.of(a, values), Attr.integer("axis", 1));
            for (int j = 0; j < n; j++) {
                column.put(layer.get(j).id(), width + j);
            }
            width += n;
        }
        for (Node node : g.evaluationOrder()) {
            if (node.kind() == NodeKind.OUTPUT) {
                outputColumns.add(column.get(node.id()));
            }
        }
        long[] idx = outputColumns.stream().mapToLong(Integer::longValue).toArray();
        String out = onnx.op("Gather", "outputs", List.of(a, onnx.int64("output_columns", idx, idx.length)),
                Attr.integer("axis", 1));
        onnx.output(out, info.outputName(), OnnxGraph.BATCH, g.outputCount());
        return OnnxModel.assemble(onnx, info);
    }

    /** The enabled connections in the order GraphNet indexes per-connection weights. */
    static List<Connection> enabledInWeightOrder(NeuronGraph g) {
        Map<Integer, Integer> pos = new HashMap<>();
        List<Node> order = g.evaluationOrder();
        for (int i = 0; i < order.size(); i++) {
            pos.put(order.get(i).id(), i);
        }
        List<Connection> enabled = new ArrayList<>();
        for (Connection c : g.connections()) {
            if (c.enabled()) {
                enabled.add(c);
            }
        }
        enabled.sort(Comparator.<Connection>comparingInt(c -> pos.get(c.source()))
                .thenComparingInt(c -> pos.get(c.target())));
        return enabled;
    }

    /** WANNRelease's activation table (WannActivation) as ONNX operators. */
    static String activation(OnnxGraph g, int id, String x, String hint) {
        return switch (id) {
            case WannActivation.STEP -> EngineLayers.step(g, hint, x);
            case WannActivation.SIN -> g.op("Sin", hint, timesPi(g, x, hint));
            case WannActivation.GAUSSIAN -> EngineLayers.gaussian(g, hint, x);
            case WannActivation.TANH -> g.op("Tanh", hint, x);
            case WannActivation.SIGMOID -> g.op("Sigmoid", hint, x); // = (tanh(x/2)+1)/2 exactly in real arithmetic
            case WannActivation.INVERSE -> g.op("Neg", hint, x);
            case WannActivation.ABS -> g.op("Abs", hint, x);
            case WannActivation.RELU -> g.op("Relu", hint, x);
            case WannActivation.COS -> g.op("Cos", hint, timesPi(g, x, hint));
            case WannActivation.SQUARE -> g.op("Mul", hint, List.of(x, x));
            default -> x;
        };
    }

    /**
     * π·r with r = x − 2·round(x/2) ∈ [−1, 1]: the same angle modulo 2π, reduced before the float multiply so
     * large pre-activations keep their precision (π·1000 in float is off by ~1e-4 rad).
     */
    private static String timesPi(OnnxGraph g, String x, String hint) {
        String half = g.op("Mul", hint + ".half", List.of(x, g.scalar(hint + ".c_half", 0.5f)));
        String turns = g.op("Mul", hint + ".turns", List.of(g.op("Round", hint + ".round", half), g.scalar(hint + ".c_two", 2f)));
        String reduced = g.op("Sub", hint + ".reduced", List.of(x, turns));
        return g.op("Mul", hint + ".pix", List.of(reduced, g.scalar(hint + ".pi", (float) Math.PI)));
    }
}
