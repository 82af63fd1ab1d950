package dev.connectome.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised per-channel passes of batch normalisation over one channel of an NCHW batch: the
 * channel's values are {@code n} runs of {@code plane} floats, {@code stride} apart, from
 * {@code off}.
 *
 * <p>Sums run in float vector lanes within one plane (at most a few hundred values per lane) and
 * in double across planes, so they keep the accuracy of a double sum while the loop is not bound
 * by the latency of one scalar add chain (which took a tenth of a NAS-Bench-201 step).
 */
public final class ChannelPlanes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private ChannelPlanes() {
    }

    /** Σ x over the channel. */
    public static double sum(float[] x, int off, int stride, int n, int plane) {
        int bound = S.loopBound(plane);
        double total = 0;
        for (int i = 0, base = off; i < n; i++, base += stride) {
            FloatVector acc = FloatVector.zero(S);
            int j = 0;
            for (; j < bound; j += L) {
                acc = acc.add(FloatVector.fromArray(S, x, base + j));
            }
            float s = acc.reduceLanes(VectorOperators.ADD);
            for (; j < plane; j++) {
                s += x[base + j];
            }
            total += s;
        }
        return total;
    }

    /** Σ (x − mean)² over the channel. */
    public static double squaredDeviations(float[] x, int off, int stride, int n, int plane, float mean) {
        int bound = S.loopBound(plane);
        FloatVector mu = FloatVector.broadcast(S, mean);
        double total = 0;
        for (int i = 0, base = off; i < n; i++, base += stride) {
            FloatVector acc = FloatVector.zero(S);
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector d = FloatVector.fromArray(S, x, base + j).sub(mu);
                acc = d.fma(d, acc);
            }
            float s = acc.reduceLanes(VectorOperators.ADD);
            for (; j < plane; j++) {
                float d = x[base + j] - mean;
                s += d * d;
            }
            total += s;
        }
        return total;
    }

    /**
     * {@code y = (x − mean)·scale + shift} over the channel (same positions in y as in x); the
     * mean is subtracted first so that a large mean does not cancel digits.
     */
    public static void affine(float[] x, float[] y, int off, int stride, int n, int plane, float mean, float scale,
                              float shift) {
        int bound = S.loopBound(plane);
        FloatVector mu = FloatVector.broadcast(S, mean);
        FloatVector a = FloatVector.broadcast(S, scale), b = FloatVector.broadcast(S, shift);
        for (int i = 0, base = off; i < n; i++, base += stride) {
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector.fromArray(S, x, base + j).sub(mu).fma(a, b).intoArray(y, base + j);
            }
            for (; j < plane; j++) {
                y[base + j] = Math.fma(x[base + j] - mean, scale, shift);
            }
        }
    }

    /**
     * {@code acc += (x − mean)·scale + shift} over the channel: {@link #affine} fused with the
     * addition of its result, bitwise the same as the two passes (each step rounds to float alike).
     */
    public static void affineAdd(float[] x, float[] acc, int off, int stride, int n, int plane, float mean,
                                 float scale, float shift) {
        int bound = S.loopBound(plane);
        FloatVector mu = FloatVector.broadcast(S, mean);
        FloatVector a = FloatVector.broadcast(S, scale), b = FloatVector.broadcast(S, shift);
        for (int i = 0, base = off; i < n; i++, base += stride) {
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector y = FloatVector.fromArray(S, x, base + j).sub(mu).fma(a, b);
                FloatVector.fromArray(S, acc, base + j).add(y).intoArray(acc, base + j);
            }
            for (; j < plane; j++) {
                acc[base + j] += Math.fma(x[base + j] - mean, scale, shift);
            }
        }
    }

    /**
     * Σ g and Σ g·(x − mean) over the channel in one pass, written to {@code into[at]} and
     * {@code into[at + 1]}.
     */
    public static void gradientSums(float[] g, float[] x, int off, int stride, int n, int plane, float mean,
                                    double[] into, int at) {
        int bound = S.loopBound(plane);
        FloatVector mu = FloatVector.broadcast(S, mean);
        double sg = 0, sgx = 0;
        for (int i = 0, base = off; i < n; i++, base += stride) {
            FloatVector ag = FloatVector.zero(S), agx = FloatVector.zero(S);
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector gv = FloatVector.fromArray(S, g, base + j);
                ag = ag.add(gv);
                agx = FloatVector.fromArray(S, x, base + j).sub(mu).fma(gv, agx);
            }
            float s = ag.reduceLanes(VectorOperators.ADD), sx = agx.reduceLanes(VectorOperators.ADD);
            for (; j < plane; j++) {
                s += g[base + j];
                sx += g[base + j] * (x[base + j] - mean);
            }
            sg += s;
            sgx += sx;
        }
        into[at] = sg;
        into[at + 1] = sgx;
    }

    /** {@code gx += a·g + b·(x − mean) + c} over the channel. */
    public static void addLinear(float[] g, float[] x, float[] gx, int off, int stride, int n, int plane,
                                 float a, float b, float mean, float c) {
        int bound = S.loopBound(plane);
        FloatVector va = FloatVector.broadcast(S, a), vb = FloatVector.broadcast(S, b), vc = FloatVector.broadcast(S, c);
        FloatVector mu = FloatVector.broadcast(S, mean);
        for (int i = 0, base = off; i < n; i++, base += stride) {
            int j = 0;
            for (; j < bound; j += L) {
                FloatVector t = FloatVector.fromArray(S, x, base + j).sub(mu).fma(vb, vc);
                FloatVector.fromArray(S, g, base + j).fma(va, t).add(FloatVector.fromArray(S, gx, base + j))
                        .intoArray(gx, base + j);
            }
            for (; j < plane; j++) {
                gx[base + j] += a * g[base + j] + b * (x[base + j] - mean) + c;
            }
        }
    }
}
