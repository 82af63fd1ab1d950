package dev.connectome.nas.graph;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Inner loops of {@link AffineGraphNet}: node-major rows, four vectors per tile as in {@link GraphKernels}. */
final class AffineGraphKernels {
    private static final VectorSpecies<Float> S = GraphKernels.SPECIES;
    private static final int VL = GraphKernels.VL;
    private static final int TILE = GraphKernels.TILE;

    private AffineGraphKernels() {
    }

    /**
     * {@code dst[dstOff + t] = z0[t] + a·z1[t] + b·z2[t] + Σ_j w[j]·vals_j[t]} over the hidden sources
     * {@code from..to}, where z0, z1, z2 are the three rows of {@code z} from {@code zOff}.
     */
    static void affineSum(float[] z, int zOff, float a, float b, float[] vals, int[] rows, float[] w, int from, int to,
                          int stride, float[] dst, int dstOff) {
        FloatVector av = FloatVector.broadcast(S, a);
        FloatVector bv = FloatVector.broadcast(S, b);
        int z1 = zOff + stride;
        int z2 = zOff + 2 * stride;
        for (int t = 0; t < stride; t += TILE) {
            FloatVector a0 = FloatVector.fromArray(S, z, z1 + t).fma(av, FloatVector.fromArray(S, z, zOff + t));
            FloatVector a1 = FloatVector.fromArray(S, z, z1 + t + VL).fma(av, FloatVector.fromArray(S, z, zOff + t + VL));
            FloatVector a2 = FloatVector.fromArray(S, z, z1 + t + 2 * VL).fma(av, FloatVector.fromArray(S, z, zOff + t + 2 * VL));
            FloatVector a3 = FloatVector.fromArray(S, z, z1 + t + 3 * VL).fma(av, FloatVector.fromArray(S, z, zOff + t + 3 * VL));
            a0 = FloatVector.fromArray(S, z, z2 + t).fma(bv, a0);
            a1 = FloatVector.fromArray(S, z, z2 + t + VL).fma(bv, a1);
            a2 = FloatVector.fromArray(S, z, z2 + t + 2 * VL).fma(bv, a2);
            a3 = FloatVector.fromArray(S, z, z2 + t + 3 * VL).fma(bv, a3);
            for (int j = from; j < to; j++) {
                int o = rows[j] * stride + t;
                FloatVector wj = FloatVector.broadcast(S, w[j]);
                a0 = FloatVector.fromArray(S, vals, o).fma(wj, a0);
                a1 = FloatVector.fromArray(S, vals, o + VL).fma(wj, a1);
                a2 = FloatVector.fromArray(S, vals, o + 2 * VL).fma(wj, a2);
                a3 = FloatVector.fromArray(S, vals, o + 3 * VL).fma(wj, a3);
            }
            int d = dstOff + t;
            a0.intoArray(dst, d);
            a1.intoArray(dst, d + VL);
            a2.intoArray(dst, d + 2 * VL);
            a3.intoArray(dst, d + 3 * VL);
        }
    }

    /**
     * Samples of {@code [0, batch)} whose first arg-max over the class-major rows (class k at
     * {@code rows[off + k·stride + t]}) is their label and whose maximum is not NaN, as
     * {@code GraphLoss} counts them.
     */
    static int correct(float[] rows, int off, int stride, float[] labelF, int batch, int classes) {
        int hits = 0;
        for (int t = 0; t < batch; t += VL) {
            FloatVector max = FloatVector.fromArray(S, rows, off + t);
            FloatVector arg = FloatVector.zero(S);
            for (int k = 1; k < classes; k++) {
                FloatVector v = FloatVector.fromArray(S, rows, off + k * stride + t);
                VectorMask<Float> gt = v.compare(VectorOperators.GT, max);
                max = max.blend(v, gt);
                arg = arg.blend((float) k, gt);
            }
            // Labels past the batch are read from a padded copy; the index mask drops those lanes.
            FloatVector label = FloatVector.fromArray(S, labelF, t);
            VectorMask<Float> hit = arg.compare(VectorOperators.EQ, label)
                    .and(max.compare(VectorOperators.EQ, max))
                    .and(S.indexInRange(t, batch));
            hits += hit.trueCount();
        }
        return hits;
    }
}
