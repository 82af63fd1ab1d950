package dev.connectome.nas.wiring;

import dev.connectome.engine.Tensor;

/** Reading edge lists out of block-ordered weight matrices. */
final class Wirings {
    private Wirings() {
    }

    /**
     * The active edges of a block graph whose weights into block j (j ≥ 1) are a
     * [nodes before j, size_j] matrix: row r is source node r, column c is target node first(j) + c.
     */
    static WiringSnapshot snapshot(boolean[][] active, Tensor[] weights, int[] blocks, long step, int epoch,
                                   double accuracy) {
        return snapshot(active, weights, blocks, false, step, epoch, accuracy);
    }

    /**
     * As above; with {@code targetMajor} the matrices are [size_j, nodes before j] instead (the layout
     * of a 1×1 convolution weight [out, in]).
     */
    static WiringSnapshot snapshot(boolean[][] active, Tensor[] weights, int[] blocks, boolean targetMajor,
                                   long step, int epoch, double accuracy) {
        int count = 0;
        for (boolean[] f : active) {
            for (boolean b : f) {
                if (b) {
                    count++;
                }
            }
        }
        int[] src = new int[count], dst = new int[count];
        float[] w = new float[count];
        int e = 0;
        int first = blocks[0];
        for (int j = 0; j < weights.length; j++) {
            int size = blocks[j + 1];
            int prefix = first;
            float[] v = weights[j].data();
            boolean[] f = active[j];
            for (int i = 0; i < f.length; i++) {
                if (f[i]) {
                    src[e] = targetMajor ? i % prefix : i / size;
                    dst[e] = first + (targetMajor ? i / prefix : i % size);
                    w[e] = v[i];
                    e++;
                }
            }
            first += size;
        }
        return new WiringSnapshot(step, epoch, accuracy, src, dst, w);
    }
}
