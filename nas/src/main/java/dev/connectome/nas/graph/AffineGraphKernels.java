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

    /** {@code za[zaOff + t] = z0[t] + a·z1[t]} (one FMA, so later adding b·z2 rounds as the three-term sum did). */
    static void rowBase(float[] z, int zOff, float a, int stride, float[] za, int zaOff) {
        FloatVector av = FloatVector.broadcast(S, a);
        for (int t = 0; t < stride; t += VL) {
            FloatVector.fromArray(S, z, zOff + stride + t).fma(av, FloatVector.fromArray(S, z, zOff + t))
                    .intoArray(za, zaOff + t);
        }
    }

    /**
     * {@code dst[dstOff + t] = za[zaOff + t] + b·z2[z2Off + t] + Σ_j w[j]·vals_j[t]} over the hidden
     * sources {@code from..to}.
     */
    static void affineSum(float[] za, int zaOff, float[] z, int z2Off, float b, float[] vals, int[] rows, float[] w,
                          int from, int to, int stride, float[] dst, int dstOff) {
        FloatVector bv = FloatVector.broadcast(S, b);
        for (int t = 0; t < stride; t += TILE) {
            int o2 = z2Off + t;
            int oa = zaOff + t;
            FloatVector a0 = FloatVector.fromArray(S, z, o2).fma(bv, FloatVector.fromArray(S, za, oa));
            FloatVector a1 = FloatVector.fromArray(S, z, o2 + VL).fma(bv, FloatVector.fromArray(S, za, oa + VL));
            FloatVector a2 = FloatVector.fromArray(S, z, o2 + 2 * VL).fma(bv, FloatVector.fromArray(S, za, oa + 2 * VL));
            FloatVector a3 = FloatVector.fromArray(S, z, o2 + 3 * VL).fma(bv, FloatVector.fromArray(S, za, oa + 3 * VL));
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
