package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.TopK;
import dev.connectome.engine.ops.TopKMask;
import java.util.Arrays;

/** Shared state of the selections: the sizes, the budget, the flags and the top-k scratch. */
abstract class GroupSelection implements EdgeSelection {
    final int[] sizes;
    final int edges;
    final boolean[][] active;
    private int[] histogram; // allocated on first top-k

    GroupSelection(int[] sizes, int edges) {
        long total = 0;
        for (int s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("negative weight-group size in " + Arrays.toString(sizes));
            }
            total += s;
        }
        if (edges < 0 || edges > total) {
            throw new IllegalArgumentException("edge budget must be in [0, " + total + "] for a group of "
                    + Arrays.toString(sizes) + " weights, got " + edges);
        }
        this.sizes = sizes.clone();
        this.edges = edges;
        this.active = new boolean[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            active[i] = new boolean[sizes[i]];
        }
    }

    void checkWeights(Tensor[] weights) {
        if (weights.length != sizes.length) {
            throw new IllegalArgumentException("edge selection made for " + sizes.length + " weight tensors, got "
                    + weights.length);
        }
        for (int i = 0; i < weights.length; i++) {
            if (weights[i].size() != sizes[i]) {
                throw new IllegalArgumentException("edge selection: weight tensor " + i + " should have " + sizes[i]
                        + " values, got " + weights[i]);
            }
        }
    }

    /** Sets the flags to the top-{@code edges} magnitudes of the current weights. */
    void chooseTopK(Tensor[] weights) {
        float[][] values = new float[weights.length][];
        for (int i = 0; i < weights.length; i++) {
            values[i] = weights[i].data();
        }
        chooseTopK(values);
    }

    /** Sets the flags to the top-{@code edges} magnitudes of the given values (one array per weight tensor). */
    void chooseTopK(float[][] values) {
        chooseTopK(values, edges);
    }

    /** Sets the flags to the top-{@code k} magnitudes of the given values. */
    void chooseTopK(float[][] values, int k) {
        if (histogram == null) {
            histogram = new int[TopK.HISTOGRAM];
        }
        TopK.largestMagnitude(values, k, active, histogram);
    }

    static Tensor[] straightThrough(Tape tape, Tensor[] weights, boolean[][] flags) {
        Tensor[] out = new Tensor[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = TopKMask.straightThrough(tape, weights[i], flags[i]);
        }
        return out;
    }

    static Tensor[] masked(Tape tape, Tensor[] weights, boolean[][] flags) {
        Tensor[] out = new Tensor[weights.length];
        for (int i = 0; i < weights.length; i++) {
            out[i] = TopKMask.masked(tape, weights[i], flags[i]);
        }
        return out;
    }

    @Override
    public boolean[][] active() {
        return active;
    }

    @Override
    public int edges() {
        return edges;
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }
}
