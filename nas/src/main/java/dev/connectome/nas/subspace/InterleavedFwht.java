package dev.connectome.nas.subspace;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Sixteen Walsh–Hadamard transforms at once on interleaved data: rows of {@link #WIDTH} floats, value
 * k of transform j at {@code off + k·16 + j}. Every butterfly then pairs whole rows, so no stage needs
 * lane shuffles (the in-register stages of a single transform cost about four times a plain vector
 * stage), and stages run three at a time on eight rows held in registers (radix 8), so a 1024-point
 * batch is read and written four times instead of ten.
 */
final class InterleavedFwht {
    /** Transforms per batch (floats per row); fixed, so results do not depend on the machine's vector width. */
    static final int WIDTH = 16;
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED.length() <= WIDTH
            ? FloatVector.SPECIES_PREFERRED : FloatVector.SPECIES_512;
    private static final int VL = S.length();

    private InterleavedFwht() {
    }

    /** Transforms {@code a[off .. off + 16n)} in place; n (the transform length) a power of two. */
    static void transform(float[] a, int off, int n) {
        transform(a, off, a, off, n);
    }

    /**
     * Writes the 16 transforms of {@code src[srcOff .. srcOff + 16n)} to {@code dst[dstOff ..)}; the
     * first pass reads {@code src}, so a copy into a work buffer costs nothing extra. {@code src} is
     * left unchanged unless it is {@code dst}.
     */
    static void transform(float[] src, int srcOff, float[] dst, int dstOff, int n) {
        if (!Fwht.isPowerOfTwo(n)) {
            throw new IllegalArgumentException("interleaved Walsh–Hadamard length must be a power of two, got " + n);
        }
        if (srcOff < 0 || dstOff < 0 || (long) n * WIDTH > src.length - srcOff || (long) n * WIDTH > dst.length - dstOff) {
            throw new IllegalArgumentException("16 interleaved transforms of " + n + " values do not fit: source "
                    + src.length + " from " + srcOff + ", destination " + dst.length + " from " + dstOff);
        }
        if (n == 1) {
            if (src != dst || srcOff != dstOff) {
                System.arraycopy(src, srcOff, dst, dstOff, WIDTH);
            }
            return;
        }
        float[] from = src;
        int fromOff = srcOff;
        int h = 1;
        while (h < n) {
            int left = Integer.numberOfTrailingZeros(n / h);
            if (left >= 3) {
                radix8(from, fromOff, dst, dstOff, n, h);
                h <<= 3;
            } else if (left == 2) {
                radix4(from, fromOff, dst, dstOff, n, h);
                h <<= 2;
            } else {
                radix2(from, fromOff, dst, dstOff, n, h);
                h <<= 1;
            }
            from = dst;
            fromOff = dstOff;
        }
    }

    /** Stages h, 2h, 4h: rows r, r+h, …, r+7h butterflied in registers. */
    private static void radix8(float[] s, int so, float[] d, int dOff, int n, int h) {
        int rowStride = h * WIDTH;
        for (int base = 0; base < n; base += 8 * h) {
            for (int t = 0; t < h; t++) {
                for (int c = 0; c < WIDTH; c += VL) {
                    int si = so + (base + t) * WIDTH + c;
                    int di = dOff + (base + t) * WIDTH + c;
                    FloatVector x0 = FloatVector.fromArray(S, s, si);
                    FloatVector x1 = FloatVector.fromArray(S, s, si + rowStride);
                    FloatVector x2 = FloatVector.fromArray(S, s, si + 2 * rowStride);
                    FloatVector x3 = FloatVector.fromArray(S, s, si + 3 * rowStride);
                    FloatVector x4 = FloatVector.fromArray(S, s, si + 4 * rowStride);
                    FloatVector x5 = FloatVector.fromArray(S, s, si + 5 * rowStride);
                    FloatVector x6 = FloatVector.fromArray(S, s, si + 6 * rowStride);
                    FloatVector x7 = FloatVector.fromArray(S, s, si + 7 * rowStride);
                    FloatVector a0 = x0.add(x1), a1 = x0.sub(x1), a2 = x2.add(x3), a3 = x2.sub(x3);
                    FloatVector a4 = x4.add(x5), a5 = x4.sub(x5), a6 = x6.add(x7), a7 = x6.sub(x7);
                    FloatVector b0 = a0.add(a2), b2 = a0.sub(a2), b1 = a1.add(a3), b3 = a1.sub(a3);
                    FloatVector b4 = a4.add(a6), b6 = a4.sub(a6), b5 = a5.add(a7), b7 = a5.sub(a7);
                    b0.add(b4).intoArray(d, di);
                    b1.add(b5).intoArray(d, di + rowStride);
                    b2.add(b6).intoArray(d, di + 2 * rowStride);
                    b3.add(b7).intoArray(d, di + 3 * rowStride);
                    b0.sub(b4).intoArray(d, di + 4 * rowStride);
                    b1.sub(b5).intoArray(d, di + 5 * rowStride);
                    b2.sub(b6).intoArray(d, di + 6 * rowStride);
                    b3.sub(b7).intoArray(d, di + 7 * rowStride);
                }
            }
        }
    }

    /** Stages h, 2h. */
    private static void radix4(float[] s, int so, float[] d, int dOff, int n, int h) {
        int rowStride = h * WIDTH;
        for (int base = 0; base < n; base += 4 * h) {
            for (int t = 0; t < h; t++) {
                for (int c = 0; c < WIDTH; c += VL) {
                    int si = so + (base + t) * WIDTH + c;
                    int di = dOff + (base + t) * WIDTH + c;
                    FloatVector x0 = FloatVector.fromArray(S, s, si);
                    FloatVector x1 = FloatVector.fromArray(S, s, si + rowStride);
                    FloatVector x2 = FloatVector.fromArray(S, s, si + 2 * rowStride);
                    FloatVector x3 = FloatVector.fromArray(S, s, si + 3 * rowStride);
                    FloatVector a0 = x0.add(x1), a1 = x0.sub(x1), a2 = x2.add(x3), a3 = x2.sub(x3);
                    a0.add(a2).intoArray(d, di);
                    a1.add(a3).intoArray(d, di + rowStride);
                    a0.sub(a2).intoArray(d, di + 2 * rowStride);
                    a1.sub(a3).intoArray(d, di + 3 * rowStride);
                }
            }
        }
    }

    /** Stage h. */
    private static void radix2(float[] s, int so, float[] d, int dOff, int n, int h) {
        int rowStride = h * WIDTH;
        for (int base = 0; base < n; base += 2 * h) {
            for (int t = 0; t < h; t++) {
                for (int c = 0; c < WIDTH; c += VL) {
                    int si = so + (base + t) * WIDTH + c;
                    int di = dOff + (base + t) * WIDTH + c;
                    FloatVector x0 = FloatVector.fromArray(S, s, si);
                    FloatVector x1 = FloatVector.fromArray(S, s, si + rowStride);
                    x0.add(x1).intoArray(d, di);
                    x0.sub(x1).intoArray(d, di + rowStride);
                }
            }
        }
    }

    /** Reference: each of the 16 transforms de-interleaved, transformed by the scalar FWHT, re-interleaved; for tests. */
    static void transformScalar(float[] a, int off, int n) {
        float[] one = new float[n];
        for (int j = 0; j < WIDTH; j++) {
            for (int k = 0; k < n; k++) {
                one[k] = a[off + k * WIDTH + j];
            }
            Fwht.transformScalar(one, 0, n);
            for (int k = 0; k < n; k++) {
                a[off + k * WIDTH + j] = one[k];
            }
        }
    }
}
