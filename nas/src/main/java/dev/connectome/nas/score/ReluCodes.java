package dev.connectome.nas.score;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Bit-level kernels of {@link NaswotKernel}: packing the signs of pre-activations into 64-unit
 * words, and one row of pairwise Hamming distances.
 */
final class ReluCodes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Integer> SI = IntVector.SPECIES_PREFERRED.length() == L
            ? IntVector.SPECIES_PREFERRED : VectorSpecies.of(int.class, VectorShape.forBitSize(L * 32));
    /** Lane i holds 1 &lt;&lt; i. */
    private static final IntVector LANE_BITS = IntVector.fromArray(SI, laneBits(), 0);
    private static final long LANE_MASK = L >= 64 ? -1L : (1L << L) - 1;

    private ReluCodes() {
    }

    private static int[] laneBits() {
        int[] b = new int[L];
        for (int i = 0; i < L && i < 32; i++) {
            b[i] = 1 << i;
        }
        return b;
    }

    /**
     * Sets bit u of {@code codes[off + u/64]} to (x[from + u] &gt; 0) for u &lt; n (other bits of those
     * words are cleared). Per vector: compare, blend the lanes' powers of two, OR-reduce — L bits
     * at once. (A scalar loop branches on ~50 % random signs; {@code VectorMask.toLong} is not an
     * intrinsic on JDK 17 and measured 100× slower than this.)
     */
    static void pack(float[] x, int from, int n, long[] codes, int off) {
        int u = 0;
        if (64 % L == 0) {
            IntVector zero = IntVector.zero(SI);
            for (; u + 64 <= n; u += 64) {
                long word = 0;
                for (int v = 0; v < 64; v += L) {
                    VectorMask<Float> m = FloatVector.fromArray(S, x, from + u + v).compare(VectorOperators.GT, 0f);
                    int bits = zero.blend(LANE_BITS, m.cast(SI)).reduceLanes(VectorOperators.OR);
                    word |= (bits & LANE_MASK) << v;
                }
                codes[off + (u >>> 6)] = word;
            }
        }
        for (; u < n; u += 64) {
            long word = 0;
            for (int v = 0, e = Math.min(64, n - u); v < e; v++) {
                word |= (x[from + u + v] > 0f ? 1L : 0L) << v;
            }
            codes[off + (u >>> 6)] = word;
        }
    }

    /**
     * {@code out[outOff + j] += mult · d_H(code_i, code_j)} for j in (i, batch): row i of the
     * upper triangle. Four columns at a time so each word of code i is loaded once per four pairs.
     */
    static void hammingRow(long[] codes, int i, int batch, int words, long[] out, int outOff, int mult) {
        int a = i * words;
        int j = i + 1;
        for (; j + 4 <= batch; j += 4) {
            int b0 = j * words, b1 = b0 + words, b2 = b1 + words, b3 = b2 + words;
            long d0 = 0, d1 = 0, d2 = 0, d3 = 0;
            for (int w = 0; w < words; w++) {
                long c = codes[a + w];
                d0 += Long.bitCount(c ^ codes[b0 + w]);
                d1 += Long.bitCount(c ^ codes[b1 + w]);
                d2 += Long.bitCount(c ^ codes[b2 + w]);
                d3 += Long.bitCount(c ^ codes[b3 + w]);
            }
            out[outOff + j] += mult * d0;
            out[outOff + j + 1] += mult * d1;
            out[outOff + j + 2] += mult * d2;
            out[outOff + j + 3] += mult * d3;
        }
        for (; j < batch; j++) {
            int b = j * words;
            long d = 0;
            for (int w = 0; w < words; w++) {
                d += Long.bitCount(codes[a + w] ^ codes[b + w]);
            }
            out[outOff + j] += mult * d;
        }
    }
}
