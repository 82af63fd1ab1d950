package dev.connectome.nas.wiring;

import java.util.Arrays;

/**
 * A neuron-level static neural graph: {@code inputs} input nodes (block 0), hidden blocks of ReLU
 * neurons, and {@code outputs} output nodes (the logits, last block). Any node may feed any node of
 * a later block, so the graph is acyclic and its depth is at most the number of blocks; a wiring
 * chooses {@code edges} of these potential edges (one budget for the whole graph).
 *
 * @param inputs         input nodes (e.g. 784 pixels)
 * @param hidden         sizes of the hidden blocks, in order
 * @param outputs        output nodes (classes)
 * @param edges          edge budget k (ignored by the complete graph)
 * @param inputGridWidth draw the inputs as an image this many pixels wide (0: a column)
 */
public record NeuronGraphSpec(int inputs, int[] hidden, int outputs, int edges, int inputGridWidth) {
    public NeuronGraphSpec {
        hidden = hidden.clone();
        if (inputs <= 0 || outputs <= 0) {
            throw new IllegalArgumentException("neuron graph needs inputs > 0 and outputs > 0, got " + inputs + ", "
                    + outputs);
        }
        for (int h : hidden) {
            if (h <= 0) {
                throw new IllegalArgumentException("hidden block sizes must be > 0, got " + Arrays.toString(hidden));
            }
        }
        long potential = potentialEdges(inputs, hidden, outputs);
        if (edges <= 0 || edges > potential) {
            throw new IllegalArgumentException("edge budget must be in [1, " + potential + "] for a graph of "
                    + inputs + " inputs, hidden blocks " + Arrays.toString(hidden) + " and " + outputs
                    + " outputs, got " + edges);
        }
        if (inputGridWidth < 0 || (inputGridWidth > 0 && inputs % inputGridWidth != 0)) {
            throw new IllegalArgumentException("input grid width must divide the " + inputs + " inputs, got "
                    + inputGridWidth);
        }
    }

    /** Block sizes, inputs first, outputs last. */
    public int[] blockSizes() {
        int[] s = new int[hidden.length + 2];
        s[0] = inputs;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = outputs;
        return s;
    }

    /** Number of edges allowed by the block order. */
    public long potentialEdges() {
        return potentialEdges(inputs, hidden, outputs);
    }

    /** Hidden neurons. */
    public int hiddenNodes() {
        return Arrays.stream(hidden).sum();
    }

    private static long potentialEdges(int inputs, int[] hidden, int outputs) {
        long n = 0;
        long prefix = inputs;
        for (int h : hidden) {
            n += prefix * h;
            prefix += h;
        }
        return n + prefix * outputs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeuronGraphSpec s && inputs == s.inputs && outputs == s.outputs && edges == s.edges
                && inputGridWidth == s.inputGridWidth && Arrays.equals(hidden, s.hidden);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31 + inputs * 17 + outputs * 7 + edges + inputGridWidth;
    }

    @Override
    public String toString() {
        return "NeuronGraphSpec[inputs=" + inputs + ", hidden=" + Arrays.toString(hidden) + ", outputs=" + outputs
                + ", edges=" + edges + "]";
    }
}
