package dev.connectome.nas.subspace;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fast Walsh–Hadamard transform, unnormalised ({@code H·x} with ±1 entries, so H·H = n·I), in
 * place, on the Vector API.
 *
 * <p>The transform is a product of log₂n butterfly stages, one per index bit, and the stages commute.
 * So the stages whose partners lie inside one vector run in registers (a lane shuffle and a blend,
 * all of them per load), the stages within a 16 KiB chunk run chunk by chunk while it sits in L1, and
 * only the remaining wide stages stream over the whole array.
 */
public final class Fwht {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int VL = S.length();
    private static final int CHUNK = 4096;
    private static final VectorShuffle<Float>[] SWAP = swaps();
    private static final VectorMask<Float>[] HIGH = highs();

    private Fwht() {
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Float>[] swaps() {
        VectorShuffle<Float>[] s = new VectorShuffle[VL];
        for (int h = 1; h < VL; h <<= 1) {
            int hh = h;
            s[h] = VectorShuffle.fromOp(S, lane -> lane ^ hh);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static VectorMask<Float>[] highs() {
        VectorMask<Float>[] m = new VectorMask[VL];
        for (int h = 1; h < VL; h <<= 1) {
            boolean[] bits = new boolean[VL];
            for (int lane = 0; lane < VL; lane++) {
                bits[lane] = (lane & h) != 0;
            }
            m[h] = VectorMask.fromArray(S, bits, 0);
        }
        return m;
    }

    /** Whether {@code n} is a positive power of two. */
    public static boolean isPowerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    /** The smallest power of two ≥ n (n ≥ 1, at most 2³⁰). */
    public static int nextPowerOfTwo(int n) {
        if (n < 1 || n > 1 << 30) {
            throw new IllegalArgumentException("no power of two ≥ " + n + " fits in an int array index");
        }
        return n == 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /**
     * Replaces {@code a[off .. off+n)} by its Walsh–Hadamard transform.
     *
     * @param n a power of two
     */
    public static void transform(float[] a, int off, int n) {
        if (!isPowerOfTwo(n)) {
            throw new IllegalArgumentException("Walsh–Hadamard transform length must be a power of two, got " + n);
        }
        if (off < 0 || a.length - off < n) {
            throw new IllegalArgumentException("Walsh–Hadamard transform of " + n + " values from " + off
                    + " does not fit in an array of " + a.length);
        }
        if (n < VL) {
            scalarStages(a, off, n, 1, n);
            return;
        }
        int chunk = Math.min(CHUNK, n);
        for (int c = off; c < off + n; c += chunk) {
            inRegisterStages(a, c, chunk);
            vectorStages(a, c, chunk, VL, chunk);
        }
        vectorStages(a, off, n, chunk, n);
    }

    /** Reference implementation (scalar, all stages in order); for tests. */
    static void transformScalar(float[] a, int off, int n) {
        scalarStages(a, off, n, 1, n);
    }

    private static void scalarStages(float[] a, int off, int n, int fromH, int toH) {
        for (int h = fromH; h < toH; h <<= 1) {
            for (int i = off; i < off + n; i += 2 * h) {
                for (int j = i; j < i + h; j++) {
                    float x = a[j];
                    float y = a[j + h];
                    a[j] = x + y;
                    a[j + h] = x - y;
                }
            }
        }
    }

    /** The stages h = 1 … VL/2, whose partners are lanes of the same vector. */
    private static void inRegisterStages(float[] a, int off, int n) {
        for (int i = off; i < off + n; i += VL) {
            FloatVector v = FloatVector.fromArray(S, a, i);
            for (int h = 1; h < VL; h <<= 1) {
                FloatVector partner = v.rearrange(SWAP[h]);
                // low lane: x + y (own + partner); high lane: x − y (partner − own)
                v = v.add(partner).blend(partner.sub(v), HIGH[h]);
            }
            v.intoArray(a, i);
        }
    }

    /** The stages fromH ≤ h &lt; toH (fromH ≥ VL): butterflies between whole vectors. */
    private static void vectorStages(float[] a, int off, int n, int fromH, int toH) {
        for (int h = fromH; h < toH; h <<= 1) {
            for (int i = off; i < off + n; i += 2 * h) {
                for (int j = i; j < i + h; j += VL) {
                    FloatVector x = FloatVector.fromArray(S, a, j);
                    FloatVector y = FloatVector.fromArray(S, a, j + h);
                    x.add(y).intoArray(a, j);
                    x.sub(y).intoArray(a, j + h);
                }
            }
        }
    }
}
