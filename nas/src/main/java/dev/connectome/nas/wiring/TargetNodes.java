package dev.connectome.nas.wiring;

import dev.connectome.engine.Tensor;

/**
 * Where the in-edges of each target node lie in a weight tensor: the columns of a dense layer's
 * [in, out] matrix (neuron graphs, {@link SparseLinear}), the rows of a convolution's
 * [out, in, kh, kw] weight (channel graphs, {@link SparseConv2d}). Entry {@code i} of target {@code t}
 * is at {@code start(t) + i·stride}.
 */
record TargetNodes(int count, int length, int stride, boolean columns) {

    static TargetNodes of(Tensor w) {
        if (w.rank() == 2) {
            return new TargetNodes(w.dim(1), w.dim(0), w.dim(1), true);
        }
        int rows = w.rank() >= 3 ? w.dim(0) : 1;
        return new TargetNodes(rows, w.size() / rows, 1, false);
    }

    int start(int target) {
        return columns ? target : target * length;
    }
}
