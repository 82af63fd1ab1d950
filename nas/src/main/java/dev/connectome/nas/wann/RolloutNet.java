package dev.connectome.nas.wann;

import dev.connectome.nas.graph.Connection;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.Node;
import dev.connectome.nas.graph.WannActivation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A genome compiled for control rollouts: one observation at a time, scalar code. A control episode
 * is sequential (each action depends on the last), so its batches are tiny (one episode per repeat),
 * where the batch-vectorised {@link dev.connectome.nas.graph.GraphNet} pays per-call set-up for a few
 * lanes of work; a plain loop over the enabled connections is several times faster there.
 *
 * <p>Same semantics and weight order as GraphNet (enabled connections ordered by source then target
 * position in the genome's evaluation order, WANNTool's wKey), checked against it in RolloutNetTest.
 * Immutable and thread-safe; scratch comes from the caller.
 */
public final class RolloutNet {

    private final int inputs;
    private final int outputs;
    private final int nodes;
    /** Per computed node c (node index inputs+1+c): incoming slots start[c]..start[c+1]. */
    private final int[] start;
    private final int[] source;
    private final int[] weightIndex;
    private final int[] activation;
    private final int weightCount;

    private RolloutNet(int inputs, int outputs, int nodes, int[] start, int[] source, int[] weightIndex, int[] activation,
                       int weightCount) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.nodes = nodes;
        this.start = start;
        this.source = source;
        this.weightIndex = weightIndex;
        this.activation = activation;
        this.weightCount = weightCount;
    }

    /** Compiles the enabled part of {@code g}. */
    public static RolloutNet compile(NeuronGraph g) {
        List<Node> order = g.evaluationOrder();
        Map<Integer, Integer> pos = new HashMap<>();
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
        int first = g.inputCount() + 1;
        int computed = order.size() - first;
        int[] count = new int[computed + 1];
        for (Connection c : enabled) {
            count[pos.get(c.target()) - first + 1]++;
        }
        int[] start = new int[computed + 1];
        for (int c = 0; c < computed; c++) {
            start[c + 1] = start[c] + count[c + 1];
        }
        int[] fill = start.clone();
        int[] source = new int[enabled.size()];
        int[] weightIndex = new int[enabled.size()];
        for (int k = 0; k < enabled.size(); k++) {
            Connection c = enabled.get(k);
            int slot = fill[pos.get(c.target()) - first]++;
            source[slot] = pos.get(c.source());
            weightIndex[slot] = k;
        }
        int[] activation = new int[computed];
        for (int c = 0; c < computed; c++) {
            activation[c] = order.get(first + c).activation();
        }
        return new RolloutNet(g.inputCount(), g.outputCount(), order.size(), start, source, weightIndex, activation,
                enabled.size());
    }

    public int inputCount() {
        return inputs;
    }

    public int outputCount() {
        return outputs;
    }

    /** Enabled connections (length of a per-connection weight vector). */
    public int weightCount() {
        return weightCount;
    }

    /** Scratch floats one forward pass needs. */
    public int scratchSize() {
        return nodes;
    }

    /**
     * One sample with every enabled connection at {@code w}: x[xOff..xOff+inputs) in,
     * out[outOff..outOff+outputs) out.
     */
    public void forwardShared(float[] x, int xOff, float w, float[] out, int outOff, float[] scratch) {
        load(x, xOff, scratch);
        for (int c = 0, node = inputs + 1; c < activation.length; c++, node++) {
            float sum = 0f;
            for (int s = start[c]; s < start[c + 1]; s++) {
                sum += scratch[source[s]];
            }
            // Σ w·v = w·Σ v, as GraphNet computes it.
            scratch[node] = WannActivation.apply(activation[c], w * sum);
        }
        store(scratch, out, outOff);
    }

    /** One sample with per-connection weights in wKey order. */
    public void forward(float[] x, int xOff, float[] weights, float[] out, int outOff, float[] scratch) {
        if (weights.length != weightCount) {
            throw new IllegalArgumentException("network has " + weightCount + " enabled connections but " + weights.length
                    + " weights were given");
        }
        load(x, xOff, scratch);
        for (int c = 0, node = inputs + 1; c < activation.length; c++, node++) {
            float sum = 0f;
            for (int s = start[c]; s < start[c + 1]; s++) {
                sum += weights[weightIndex[s]] * scratch[source[s]];
            }
            scratch[node] = WannActivation.apply(activation[c], sum);
        }
        store(scratch, out, outOff);
    }

    private void load(float[] x, int xOff, float[] scratch) {
        scratch[0] = 1f;
        System.arraycopy(x, xOff, scratch, 1, inputs);
    }

    private void store(float[] scratch, float[] out, int outOff) {
        System.arraycopy(scratch, nodes - outputs, out, outOff, outputs);
    }
}
