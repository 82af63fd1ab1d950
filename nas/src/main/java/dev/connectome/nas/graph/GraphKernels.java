package dev.connectome.nas.graph;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loops of {@link GraphNet}: one node's pre-activation over a whole node-major batch row,
 * four vectors per tile held in registers while all of the node's sources stream through, so each
 * source row is read once and the accumulator never round-trips through memory.
 */
final class GraphKernels {
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    static final int VL = SPECIES.length();
    /** Batch rows are padded to a multiple of this. */
    static final int TILE = 4 * VL;

    private GraphKernels() {
    }

    /**
     * {@code dst[dstOff + b] = Σ_j src_j[b]} for b in [0, stride): sources {@code start..mid} are
     * rows of {@code in}, sources {@code mid..end} rows of {@code vals} (row numbers in {@code rows}).
     */
    static void sum(float[] in, float[] vals, int[] rows, int start, int mid, int end, int stride,
                    float[] dst, int dstOff) {
        for (int b = 0; b < stride; b += TILE) {
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int j = start; j < mid; j++) {
                int o = rows[j] * stride + b;
                a0 = a0.add(FloatVector.fromArray(SPECIES, in, o));
                a1 = a1.add(FloatVector.fromArray(SPECIES, in, o + VL));
                a2 = a2.add(FloatVector.fromArray(SPECIES, in, o + 2 * VL));
                a3 = a3.add(FloatVector.fromArray(SPECIES, in, o + 3 * VL));
            }
            for (int j = mid; j < end; j++) {
                int o = rows[j] * stride + b;
                a0 = a0.add(FloatVector.fromArray(SPECIES, vals, o));
                a1 = a1.add(FloatVector.fromArray(SPECIES, vals, o + VL));
                a2 = a2.add(FloatVector.fromArray(SPECIES, vals, o + 2 * VL));
                a3 = a3.add(FloatVector.fromArray(SPECIES, vals, o + 3 * VL));
            }
            int d = dstOff + b;
            a0.intoArray(dst, d);
            a1.intoArray(dst, d + VL);
            a2.intoArray(dst, d + 2 * VL);
            a3.intoArray(dst, d + 3 * VL);
        }
    }

    /**
     * {@code dst[dstOff + b] = s·(base[baseOff + b] + Σ_j vals_j[b])} over sources {@code from..to}
     * (rows of {@code vals} counted from {@code valsOff}). The base row is always read (a zero row
     * for nodes without bias/input sources): merging "loaded" and "zero" accumulators through a
     * branch made C2 box the vectors.
     */
    static void scaledSumOnto(float[] base, int baseOff, float[] vals, int valsOff, int[] rows, int from, int to, float s,
                              int stride, float[] dst, int dstOff) {
        FloatVector sv = FloatVector.broadcast(SPECIES, s);
        for (int b = 0; b < stride; b += TILE) {
            int o = baseOff + b;
            FloatVector a0 = FloatVector.fromArray(SPECIES, base, o);
            FloatVector a1 = FloatVector.fromArray(SPECIES, base, o + VL);
            FloatVector a2 = FloatVector.fromArray(SPECIES, base, o + 2 * VL);
            FloatVector a3 = FloatVector.fromArray(SPECIES, base, o + 3 * VL);
            for (int j = from; j < to; j++) {
                int r = valsOff + rows[j] * stride + b;
                a0 = a0.add(FloatVector.fromArray(SPECIES, vals, r));
                a1 = a1.add(FloatVector.fromArray(SPECIES, vals, r + VL));
                a2 = a2.add(FloatVector.fromArray(SPECIES, vals, r + 2 * VL));
                a3 = a3.add(FloatVector.fromArray(SPECIES, vals, r + 3 * VL));
            }
            int d = dstOff + b;
            a0.mul(sv).intoArray(dst, d);
            a1.mul(sv).intoArray(dst, d + VL);
            a2.mul(sv).intoArray(dst, d + 2 * VL);
            a3.mul(sv).intoArray(dst, d + 3 * VL);
        }
    }

    /** As {@link #sum} but {@code Σ_j w[j]·src_j[b]}. */
    static void weightedSum(float[] in, float[] vals, int[] rows, float[] w, int start, int mid, int end, int stride,
                            float[] dst, int dstOff) {
        for (int b = 0; b < stride; b += TILE) {
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int j = start; j < mid; j++) {
                int o = rows[j] * stride + b;
                FloatVector wj = FloatVector.broadcast(SPECIES, w[j]);
                a0 = FloatVector.fromArray(SPECIES, in, o).fma(wj, a0);
                a1 = FloatVector.fromArray(SPECIES, in, o + VL).fma(wj, a1);
                a2 = FloatVector.fromArray(SPECIES, in, o + 2 * VL).fma(wj, a2);
                a3 = FloatVector.fromArray(SPECIES, in, o + 3 * VL).fma(wj, a3);
            }
            for (int j = mid; j < end; j++) {
                int o = rows[j] * stride + b;
                FloatVector wj = FloatVector.broadcast(SPECIES, w[j]);
                a0 = FloatVector.fromArray(SPECIES, vals, o).fma(wj, a0);
                a1 = FloatVector.fromArray(SPECIES, vals, o + VL).fma(wj, a1);
                a2 = FloatVector.fromArray(SPECIES, vals, o + 2 * VL).fma(wj, a2);
                a3 = FloatVector.fromArray(SPECIES, vals, o + 3 * VL).fma(wj, a3);
            }
            int d = dstOff + b;
            a0.intoArray(dst, d);
            a1.intoArray(dst, d + VL);
            a2.intoArray(dst, d + 2 * VL);
            a3.intoArray(dst, d + 3 * VL);
        }
    }

    /** {@code a[off + i] *= s} for i in [0, n), n a multiple of VL. */
    static void scale(float[] a, int off, int n, float s) {
        FloatVector sv = FloatVector.broadcast(SPECIES, s);
        for (int i = 0; i < n; i += VL) {
            FloatVector.fromArray(SPECIES, a, off + i).mul(sv).intoArray(a, off + i);
        }
    }

    /** {@code Σ a[ao + i]·b[bo + i]} for i in [0, n), n a multiple of VL. */
    static float dot(float[] a, int ao, float[] b, int bo, int n) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = 0; i < n; i += VL) {
            acc = FloatVector.fromArray(SPECIES, a, ao + i).fma(FloatVector.fromArray(SPECIES, b, bo + i), acc);
        }
        return acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    /** {@code y[yo + i] += s·x[xo + i]} for i in [0, n), n a multiple of VL. */
    static void axpy(float s, float[] x, int xo, float[] y, int yo, int n) {
        FloatVector sv = FloatVector.broadcast(SPECIES, s);
        for (int i = 0; i < n; i += VL) {
            FloatVector.fromArray(SPECIES, x, xo + i).fma(sv, FloatVector.fromArray(SPECIES, y, yo + i))
                    .intoArray(y, yo + i);
        }
    }
}
