package dev.connectome.nas.graph;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * WANN activations over whole rows, in place, with Vector API arithmetic only. JDK 17's lanewise
 * transcendental operators (EXP, TANH, SIN…) fall back to per-lane scalar calls here (measured
 * slower than a scalar loop), and a scalar {@code Math.tanh} costs tens of nanoseconds, which would
 * dominate a node whose sums cost a few cycles per sample; so exp, tanh and sin/cos(πx) are
 * evaluated by range reduction and polynomials (Cephes-style coefficients; errors of a few float
 * ulps, checked against {@link WannActivation} in VectorActivationsTest). Rows are multiples of
 * the vector length.
 */
final class VectorActivations {
    private static final VectorSpecies<Float> S = GraphKernels.SPECIES;
    private static final int VL = S.length();
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5·2²³: adding and subtracting it rounds a float to the nearest integer (|x| &lt; 2²²). */
    private static final float ROUND_MAGIC = 12582912f;
    /** The bit pattern of ROUND_MAGIC: (bits of x + ROUND_MAGIC) − this = round(x) as an int. */
    private static final int ROUND_MAGIC_BITS = Float.floatToRawIntBits(ROUND_MAGIC);
    private static final float PI = (float) Math.PI;

    private VectorActivations() {
    }

    /** {@code a[off + i] = act(id, a[off + i])} for i in [0, n). */
    static void apply(int id, float[] a, int off, int n) {
        int end = off + n;
        switch (id) {
            case WannActivation.STEP -> {
                FloatVector one = FloatVector.broadcast(S, 1f);
                FloatVector zero = FloatVector.zero(S);
                for (int i = off; i < end; i += VL) {
                    FloatVector x = FloatVector.fromArray(S, a, i);
                    zero.blend(one, x.compare(VectorOperators.GT, 0f)).intoArray(a, i);
                }
            }
            case WannActivation.SIN -> sinPiRow(a, off, end);
            case WannActivation.COS -> cosPiRow(a, off, end);
            case WannActivation.GAUSSIAN -> gaussianRow(a, off, end);
            case WannActivation.TANH -> tanhRow(a, off, end, 1f, 1f, 0f);
            // σ(x) = (tanh(x/2) + 1)/2
            case WannActivation.SIGMOID -> tanhRow(a, off, end, 0.5f, 0.5f, 0.5f);
            case WannActivation.INVERSE -> {
                for (int i = off; i < end; i += VL) {
                    FloatVector.fromArray(S, a, i).neg().intoArray(a, i);
                }
            }
            case WannActivation.ABS -> {
                for (int i = off; i < end; i += VL) {
                    FloatVector.fromArray(S, a, i).abs().intoArray(a, i);
                }
            }
            case WannActivation.RELU -> {
                for (int i = off; i < end; i += VL) {
                    FloatVector.fromArray(S, a, i).max(0f).intoArray(a, i);
                }
            }
            case WannActivation.SQUARE -> {
                for (int i = off; i < end; i += VL) {
                    FloatVector x = FloatVector.fromArray(S, a, i);
                    x.mul(x).intoArray(a, i);
                }
            }
            default -> {
                // linear (and unknown ids, as in applyAct): identity
            }
        }
    }

    /*
     * The row kernels below spell their polynomials out inside the loop instead of calling exp(v)
     * and friends: C2 often declines to inline a vector-returning helper of this size ("callee is
     * too large", "already compiled into a medium method"), and then every intermediate vector is
     * boxed on the heap, which measured ~10x slower (40-50 ns per 16 lanes instead of ~4).
     */

    /** sin(πx) over a[i..end). */
    private static void sinPiRow(float[] a, int i, int end) {
        for (; i < end; i += VL) {
            // x = k + r with integer k and |r| ≤ 1/2; sin(πx) = (−1)^k sin(πr), Taylor to degree 11.
            FloatVector x = FloatVector.fromArray(S, a, i).max(-4194304f).min(4194304f);
            FloatVector t = x.add(ROUND_MAGIC);
            FloatVector y = x.sub(t.sub(ROUND_MAGIC)).mul(PI);
            FloatVector z = y.mul(y);
            FloatVector p = FloatVector.broadcast(S, -2.5052108e-8f);
            p = p.fma(z, c(2.7557319e-6f));
            p = p.fma(z, c(-1.9841270e-4f));
            p = p.fma(z, c(8.3333333e-3f));
            p = p.fma(z, c(-1.6666667e-1f));
            flipOdd(p.mul(z).fma(y, y), t).intoArray(a, i);
        }
    }

    /** cos(πx) = (−1)^k cos(πr) over a[i..end), Taylor to degree 12 (not sin(π(x + 1/2)): x + 1/2 rounds). */
    private static void cosPiRow(float[] a, int i, int end) {
        for (; i < end; i += VL) {
            FloatVector x = FloatVector.fromArray(S, a, i).max(-4194304f).min(4194304f);
            FloatVector t = x.add(ROUND_MAGIC);
            FloatVector y = x.sub(t.sub(ROUND_MAGIC)).mul(PI);
            FloatVector z = y.mul(y);
            FloatVector p = FloatVector.broadcast(S, 2.0876757e-9f);
            p = p.fma(z, c(-2.7557319e-7f));
            p = p.fma(z, c(2.4801587e-5f));
            p = p.fma(z, c(-1.3888889e-3f));
            p = p.fma(z, c(4.1666667e-2f));
            p = p.fma(z, c(-0.5f));
            flipOdd(p.fma(z, c(1f)), t).intoArray(a, i);
        }
    }

    /** Negates the lanes whose integer k is odd, given t = k + ROUND_MAGIC (k's parity is t's lowest bit); small enough for C2 to inline. */
    private static FloatVector flipOdd(FloatVector v, FloatVector t) {
        return v.reinterpretAsInts().lanewise(VectorOperators.XOR, t.reinterpretAsInts().lanewise(VectorOperators.LSHL, 31))
                .reinterpretAsFloats();
    }

    /** e^{−x²/2} over a[i..end). */
    private static void gaussianRow(float[] a, int i, int end) {
        for (; i < end; i += VL) {
            FloatVector x = FloatVector.fromArray(S, a, i);
            // exp body as in exp(); the argument is ≤ 0, so only the lower clamp matters.
            FloatVector v = x.mul(x).mul(-0.5f).max(-87.3f);
            FloatVector t = v.fma(c(LOG2E), c(ROUND_MAGIC));
            FloatVector n = t.sub(ROUND_MAGIC);
            FloatVector r = n.fma(c(-LN2_HI), v);
            r = n.fma(c(-LN2_LO), r);
            FloatVector p = FloatVector.broadcast(S, 1.9875691500e-4f);
            p = p.fma(r, c(1.3981999507e-3f));
            p = p.fma(r, c(8.3334519073e-3f));
            p = p.fma(r, c(4.1665795894e-2f));
            p = p.fma(r, c(1.6666665459e-1f));
            p = p.fma(r, c(5.0000001201e-1f));
            p = p.fma(r.mul(r), r).add(1f);
            IntVector e = t.reinterpretAsInts().add(127 - ROUND_MAGIC_BITS).lanewise(VectorOperators.LSHL, 23);
            p.mul(e.reinterpretAsFloats()).intoArray(a, i);
        }
    }

    /**
     * {@code outScale·tanh(inScale·x) + outShift} over a[i..end): an odd polynomial below |u| = 0.625
     * (Cephes tanhf), else 1 − 2/(e^{2|u|} + 1) with the sign of u.
     */
    private static void tanhRow(float[] a, int i, int end, float inScale, float outScale, float outShift) {
        for (; i < end; i += VL) {
            FloatVector x = FloatVector.fromArray(S, a, i).mul(inScale);
            FloatVector ax = x.abs();
            FloatVector z = x.mul(x);
            FloatVector q = FloatVector.broadcast(S, -5.70498872745e-3f);
            q = q.fma(z, c(2.06390887954e-2f));
            q = q.fma(z, c(-5.37397155531e-2f));
            q = q.fma(z, c(1.33314422036e-1f));
            q = q.fma(z, c(-3.33332819422e-1f));
            FloatVector small = q.mul(z).fma(x, x);
            // e^{2|x|}, 2|x| ≤ 18 (tanh is 1 in float beyond 9): the exp body without clamps.
            FloatVector v = ax.min(9f).mul(2f);
            FloatVector t = v.fma(c(LOG2E), c(ROUND_MAGIC));
            FloatVector n = t.sub(ROUND_MAGIC);
            FloatVector r = n.fma(c(-LN2_HI), v);
            r = n.fma(c(-LN2_LO), r);
            FloatVector p = FloatVector.broadcast(S, 1.9875691500e-4f);
            p = p.fma(r, c(1.3981999507e-3f));
            p = p.fma(r, c(8.3334519073e-3f));
            p = p.fma(r, c(4.1665795894e-2f));
            p = p.fma(r, c(1.6666665459e-1f));
            p = p.fma(r, c(5.0000001201e-1f));
            p = p.fma(r.mul(r), r).add(1f);
            IntVector e = t.reinterpretAsInts().add(127 - ROUND_MAGIC_BITS).lanewise(VectorOperators.LSHL, 23);
            FloatVector big = c(1f).sub(c(2f).div(p.mul(e.reinterpretAsFloats()).add(1f)));
            IntVector sign = x.reinterpretAsInts().lanewise(VectorOperators.AND, 0x80000000);
            big = big.reinterpretAsInts().lanewise(VectorOperators.OR, sign).reinterpretAsFloats();
            big.blend(small, ax.compare(VectorOperators.LT, 0.625f)).fma(outScale, outShift).intoArray(a, i);
        }
    }

    /** {@code g[i] *= act'(pre[i], y[i])} for the rows starting at the given offsets. */
    static void backward(int id, float[] pre, int preOff, float[] y, int yOff, float[] g, int gOff, int n) {
        if (id == WannActivation.LINEAR || !WannActivation.isValid(id)) {
            return;
        }
        for (int i = 0; i < n; i++) {
            g[gOff + i] *= WannActivation.derivative(id, pre[preOff + i], y[yOff + i]);
        }
    }

    private static FloatVector c(float v) {
        return FloatVector.broadcast(S, v);
    }

    /** e^x, flushing to 0 below −87.3 and saturating at e^88.7 (Cephes expf polynomial). */
    static FloatVector exp(FloatVector x) {
        x = x.max(-87.3f).min(88.7f);
        // t's low mantissa bits hold the integer n = round(x·log2 e) in two's complement: reading them
        // back as int bits avoids a float→int lane conversion, which JDK 17 does not intrinsify here.
        FloatVector t = x.fma(c(LOG2E), c(ROUND_MAGIC));
        FloatVector n = t.sub(ROUND_MAGIC);
        FloatVector r = n.fma(c(-LN2_HI), x);
        r = n.fma(c(-LN2_LO), r);
        FloatVector p = FloatVector.broadcast(S, 1.9875691500e-4f);
        p = p.fma(r, c(1.3981999507e-3f));
        p = p.fma(r, c(8.3334519073e-3f));
        p = p.fma(r, c(4.1665795894e-2f));
        p = p.fma(r, c(1.6666665459e-1f));
        p = p.fma(r, c(5.0000001201e-1f));
        p = p.mul(r.mul(r)).add(r).add(1f);
        IntVector e = t.reinterpretAsInts().add(126 - ROUND_MAGIC_BITS).lanewise(VectorOperators.LSHL, 23);
        // 2^n split as 2·2^(n−1) so n = 128 (x near 88.7) stays representable.
        return p.mul(e.reinterpretAsFloats()).mul(2f);
    }
}
