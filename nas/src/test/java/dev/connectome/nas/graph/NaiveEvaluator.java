package dev.connectome.nas.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The obvious evaluator, written independently of GraphNet: one sample at a time, nodes in
 * evaluation order, each node's value = activation(Σ over enabled incoming genes of weight·value),
 * in double. Also records the largest |pre-activation| seen so tests can skip numerically hopeless
 * cases (sin(πx) of a huge x).
 */
final class NaiveEvaluator {
    double maxAbsPre;
    double minAbsStepPre = Double.POSITIVE_INFINITY;

    /** Weights per connection: the gene's own weight, or {@code shared} when not NaN. */
    double[] evaluate(NeuronGraph g, float[] x, int sample, float shared, Map<Connection, Float> weights) {
        List<Node> order = g.evaluationOrder();
        Map<Integer, Double> value = new HashMap<>();
        int in = g.inputCount();
        value.put(order.get(0).id(), 1.0);
        for (int i = 0; i < in; i++) {
            value.put(order.get(1 + i).id(), (double) x[sample * in + i]);
        }
        for (int p = 1 + in; p < order.size(); p++) {
            Node node = order.get(p);
            double sum = 0;
            for (Connection c : g.connections()) {
                if (c.enabled() && c.target() == node.id()) {
                    double w = Float.isNaN(shared) ? (weights != null ? weights.get(c) : c.weight()) : shared;
                    sum += w * value.get(c.source());
                }
            }
            maxAbsPre = Math.max(maxAbsPre, Math.abs(sum));
            if (node.activation() == WannActivation.STEP && sum != 0) {
                minAbsStepPre = Math.min(minAbsStepPre, Math.abs(sum));
            }
            value.put(node.id(), act(node.activation(), sum));
        }
        double[] out = new double[g.outputCount()];
        for (int o = 0; o < out.length; o++) {
            out[o] = value.get(order.get(order.size() - out.length + o).id());
        }
        return out;
    }

    /** The wann.md activation table, in double. */
    static double act(int id, double x) {
        return switch (id) {
            case 2 -> x > 0 ? 1 : 0;
            case 3 -> Math.sin(Math.PI * x);
            case 4 -> Math.exp(-x * x / 2);
            case 5 -> Math.tanh(x);
            case 6 -> (Math.tanh(x / 2) + 1) / 2;
            case 7 -> -x;
            case 8 -> Math.abs(x);
            case 9 -> Math.max(0, x);
            case 10 -> Math.cos(Math.PI * x);
            case 11 -> x * x;
            default -> x;
        };
    }

    static Map<Connection, Float> weightMap(NeuronGraph g, GraphNet net, float[] weights) {
        // GraphNet's order: enabled genes by (source position, target position) in the evaluation order.
        Map<Integer, Integer> pos = new HashMap<>();
        List<Node> order = g.evaluationOrder();
        for (int i = 0; i < order.size(); i++) {
            pos.put(order.get(i).id(), i);
        }
        List<Connection> enabled = new java.util.ArrayList<>();
        for (Connection c : g.connections()) {
            if (c.enabled()) {
                enabled.add(c);
            }
        }
        enabled.sort((a, b) -> pos.get(a.source()).equals(pos.get(b.source()))
                ? Integer.compare(pos.get(a.target()), pos.get(b.target()))
                : Integer.compare(pos.get(a.source()), pos.get(b.source())));
        Map<Connection, Float> m = new HashMap<>();
        for (int k = 0; k < enabled.size(); k++) {
            m.put(enabled.get(k), weights[k]);
        }
        return m;
    }
}
