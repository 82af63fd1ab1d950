package dev.connectome.nas.score;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Bit-level kernels of {@link NaswotKernel}: packing the signs of pre-activations into 64-unit
 * words, and one row of pairwise Hamming distances.
 */
final class ReluCodes {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private ReluCodes() {
    }

    /**
     * Sets bit u of {@code codes[off + u/64]} to (x[from + u] &gt; 0) for u &lt; n (other bits of those
     * words are cleared). A vector compare gives L bits at once; a scalar loop over the same
     * values branched on ~50 % random signs, which cost more than the popcounts.
     */
    static void pack(float[] x, int from, int n, long[] codes, int off) {
        int u = 0;
        if (64 % L == 0) {
            for (; u + 64 <= n; u += 64) {
                long word = 0;
                for (int v = 0; v < 64; v += L) {
                    long bits = FloatVector.fromArray(S, x, from + u + v).compare(VectorOperators.GT, 0f).toLong();
                    word |= bits << v;
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
