package dev.connectome.nas.weights;

import dev.connectome.nas.graph.Connection;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Starting points for per-connection weights, in {@link GraphNet} (wKey) order. */
public sealed interface WeightInit permits WeightInit.Kind, WeightInit.Shared {
    /** He uniform: U(−√(6/fan_in), √(6/fan_in)), fan_in = enabled connections into the target node (bias included). */
    WeightInit HE_UNIFORM = Kind.HE_UNIFORM;
    /** All zeros (estool's PEPG starts μ here; WANNTool adds weight_bias 0 for MNIST). */
    WeightInit ZERO = Kind.ZERO;
    /** The genome's own connection weights (1 for a freshly searched WANN). */
    WeightInit GENOME = Kind.GENOME;

    /** The initial weights (not params) for {@code g}. */
    float[] initialize(NeuronGraph g, RandomGenerator rng);

    /** he | zero | genome | shared:W (every connection at W, e.g. a WANN's best shared weight). */
    static WeightInit parse(String s) {
        String t = s.toLowerCase(Locale.ROOT).replace('-', '_');
        if (t.startsWith("shared:")) {
            try {
                return new Shared(Float.parseFloat(s.substring("shared:".length()).trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weight init '" + s + "': '" + s.substring(7) + "' is not a number");
            }
        }
        return switch (t) {
            case "he", "he_uniform" -> HE_UNIFORM;
            case "zero", "zeros" -> ZERO;
            case "genome" -> GENOME;
            default -> throw new IllegalArgumentException("unknown weight init '" + s + "' (known: he, zero, genome, shared:W)");
        };
    }

    /** The initializers without parameters. */
    enum Kind implements WeightInit {
        HE_UNIFORM, ZERO, GENOME;

        @Override
        public float[] initialize(NeuronGraph g, RandomGenerator rng) {
            GraphNet net = GraphNet.compile(g);
            return switch (this) {
                case ZERO -> new float[net.weightCount()];
                case GENOME -> net.genomeWeights();
                case HE_UNIFORM -> heUniform(g, rng);
            };
        }

        private static float[] heUniform(NeuronGraph g, RandomGenerator rng) {
            int[] fan = fanIn(g);
            float[] w = new float[fan.length];
            for (int k = 0; k < w.length; k++) {
                double limit = Math.sqrt(6.0 / fan[k]);
                w[k] = (float) rng.nextDouble(-limit, limit);
            }
            return w;
        }
    }

    /** Every enabled connection at {@code value}: where a WANN is known to work before tuning. */
    record Shared(float value) implements WeightInit {
        public Shared {
            if (!Float.isFinite(value)) {
                throw new IllegalArgumentException("shared starting weight must be finite, got " + value);
            }
        }

        @Override
        public float[] initialize(NeuronGraph g, RandomGenerator rng) {
            float[] w = new float[g.enabledConnectionCount()];
            java.util.Arrays.fill(w, value);
            return w;
        }
    }

    /**
     * The enabled connections in GraphNet's weight order: sorted by the (source, target) positions
     * in the evaluation order, as GraphNet documents (checked against it in the tests).
     */
    static List<Connection> ordered(NeuronGraph g) {
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
        enabled.sort(Comparator.<Connection>comparingInt(c -> pos.get(c.source())).thenComparingInt(c -> pos.get(c.target())));
        return enabled;
    }

    /** Fan-in (enabled incoming connections, bias included) of each weight's target node, in GraphNet order. */
    static int[] fanIn(NeuronGraph g) {
        List<Connection> enabled = ordered(g);
        Map<Integer, Integer> in = new HashMap<>();
        for (Connection c : enabled) {
            in.merge(c.target(), 1, Integer::sum);
        }
        int[] fan = new int[enabled.size()];
        for (int k = 0; k < fan.length; k++) {
            fan[k] = in.get(enabled.get(k).target());
        }
        return fan;
    }
}
