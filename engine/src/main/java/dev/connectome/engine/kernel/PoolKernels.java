package dev.connectome.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised average pooling for "same-size" windows (stride 1, output plane = input plane, e.g.
 * NAS-Bench-201's 3×3 pad 1 avg_pool_3x3). Away from the border each kernel tap is the plane read
 * at one offset, so a vector of outputs is KH·KW plain loads and adds; border positions use the
 * validity table of {@link Im2Col#sameSizeTable}. Taps are added in the window's row-major order
 * starting from 0, so the sums are bitwise those of the scalar window loop.
 */
public final class PoolKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final FloatVector ZERO = FloatVector.zero(S);
    /** Half-width vectors, for planes narrower than a full vector (8×8 with 512-bit vectors). */
    private static final VectorSpecies<Float> H = S.length() >= 8 ? VectorSpecies.of(float.class,
            jdk.incubator.vector.VectorShape.forBitSize(S.vectorBitSize() / 2)) : S;
    private static final int H_L = H.length();

    private PoolKernels() {
    }

    /**
     * {@code y[yOff + pl·P + d] = inv[d] · Σ_taps x[xOff + pl·P + d + shift(tap)]} over the taps
     * inside the image, for {@code planes} planes of P = H·W floats; {@code inv} holds
     * 1 / (number of taps inside) per position. {@code table} is unused (kept for callers that
     * already hold the validity table) and may be null.
     */
    public static void avgSameSize(float[] x, int xOff, int planes, ConvGeometry g, float[] table, float[] inv,
                                   float[] y, int yOff) {
        if (!Im2Col.isSameSize(g)) {
            throw new IllegalArgumentException("avgSameSize needs stride 1 and output size = input size, got " + g);
        }
        int h = g.height(), w = g.width(), p = g.padding(), k = g.kernelHeight(), plane = h * w;
        if (k == 3 && h >= 2 && (w % L == 0 || w % H_L == 0)) {
            // 3×3 pad 1: rows copied into a plane with a zero column either side, so every output
            // (border included) is a run of plain loads over the 2 or 3 rows inside the image.
            float[] pad = new float[h * (w + 2)];
            for (int pl = 0; pl < planes; pl++) {
                int src = xOff + pl * plane;
                for (int r = 0; r < h; r++) {
                    System.arraycopy(x, src + r * w, pad, r * (w + 2) + 1, w);
                }
                if (w % L == 0) {
                    padded3x3(pad, h, w, inv, y, yOff + pl * plane);
                } else {
                    padded3x3Half(pad, h, w, inv, y, yOff + pl * plane);
                }
            }
            return;
        }
        // Interior positions (every tap inside the image) lie in [top, bottom) of the flat plane;
        // the vector loop runs over that range with plain shifted loads, and the first and last p
        // columns of each row, where taps wrapped around to the neighbouring row, are redone.
        int top = p * w + p, bottom = plane - p * w - p;
        for (int pl = 0; pl < planes; pl++) {
            int src = xOff + pl * plane, dst = yOff + pl * plane;
            int end = top;
            if (bottom - top >= L) {
                end = k == 3 ? interior3x3(x, src, w, inv, y, dst, top, bottom)
                        : interior(x, src, w, k, inv, y, dst, top, bottom);
            }
            for (int r = 0; r < h; r++) {
                int row = r * w;
                if (r < p || r >= h - p) {
                    borderRun(x, src, r, 0, w, g, inv, y, dst);
                    continue;
                }
                int left = Math.min(p, w), right = Math.max(w - p, left);
                borderRun(x, src, r, 0, left, g, inv, y, dst);
                // interior columns the vector loop did not reach (it covered [top, end))
                borderRun(x, src, r, Math.max(left, Math.min(right, end - row)), right, g, inv, y, dst);
                borderRun(x, src, r, right, w, g, inv, y, dst);
            }
        }
    }

    private static void borderRun(float[] x, int src, int r, int c0, int c1, ConvGeometry g, float[] inv, float[] y,
                                  int dst) {
        for (int c = c0, q = r * g.width() + c0; c < c1; c++, q++) {
            y[dst + q] = border(x, src, r, c, g) * inv[q];
        }
    }

    /**
     * {@link #avgSameSize} for 3×3 pad 1 on a zero-column-padded plane, rows a multiple of L wide.
     * Straight-line bodies per case (first row: 2 rows of taps, inner rows: 3, last row: 2): a
     * loop over the rows inside the window kept the vectors from being scalarised by C2 (JDK 17).
     */
    private static void padded3x3(float[] pad, int h, int w, float[] inv, float[] y, int dst) {
        int pw = w + 2;
        for (int r = 0; r < h; r++) {
            int first = r == 0 ? 0 : r - 1;
            for (int c = 0; c < w; c += L) {
                int b = first * pw + c;
                FloatVector acc = ZERO.add(FloatVector.fromArray(S, pad, b)).add(FloatVector.fromArray(S, pad, b + 1))
                        .add(FloatVector.fromArray(S, pad, b + 2));
                b += pw;
                acc = acc.add(FloatVector.fromArray(S, pad, b)).add(FloatVector.fromArray(S, pad, b + 1))
                        .add(FloatVector.fromArray(S, pad, b + 2));
                if (r > 0 && r < h - 1) {
                    b += pw;
                    acc = acc.add(FloatVector.fromArray(S, pad, b)).add(FloatVector.fromArray(S, pad, b + 1))
                            .add(FloatVector.fromArray(S, pad, b + 2));
                }
                acc.mul(FloatVector.fromArray(S, inv, r * w + c)).intoArray(y, dst + r * w + c);
            }
        }
    }

    /** {@link #padded3x3} with half-width vectors (e.g. 8-wide planes with 16-lane vectors). */
    private static void padded3x3Half(float[] pad, int h, int w, float[] inv, float[] y, int dst) {
        int pw = w + 2;
        FloatVector zero = FloatVector.zero(H);
        for (int r = 0; r < h; r++) {
            int first = r == 0 ? 0 : r - 1;
            for (int c = 0; c < w; c += H_L) {
                int b = first * pw + c;
                FloatVector acc = zero.add(FloatVector.fromArray(H, pad, b)).add(FloatVector.fromArray(H, pad, b + 1))
                        .add(FloatVector.fromArray(H, pad, b + 2));
                b += pw;
                acc = acc.add(FloatVector.fromArray(H, pad, b)).add(FloatVector.fromArray(H, pad, b + 1))
                        .add(FloatVector.fromArray(H, pad, b + 2));
                if (r > 0 && r < h - 1) {
                    b += pw;
                    acc = acc.add(FloatVector.fromArray(H, pad, b)).add(FloatVector.fromArray(H, pad, b + 1))
                            .add(FloatVector.fromArray(H, pad, b + 2));
                }
                acc.mul(FloatVector.fromArray(H, inv, r * w + c)).intoArray(y, dst + r * w + c);
            }
        }
    }

    /** The 3×3 interior: nine shifted loads, added in row-major tap order from 0. Returns where it stopped. */
    private static int interior3x3(float[] x, int src, int w, float[] inv, float[] y, int dst, int from, int to) {
        int j = from;
        for (; j + L <= to; j += L) {
            int b = src + j;
            FloatVector acc = ZERO.add(FloatVector.fromArray(S, x, b - w - 1))
                    .add(FloatVector.fromArray(S, x, b - w))
                    .add(FloatVector.fromArray(S, x, b - w + 1))
                    .add(FloatVector.fromArray(S, x, b - 1))
                    .add(FloatVector.fromArray(S, x, b))
                    .add(FloatVector.fromArray(S, x, b + 1))
                    .add(FloatVector.fromArray(S, x, b + w - 1))
                    .add(FloatVector.fromArray(S, x, b + w))
                    .add(FloatVector.fromArray(S, x, b + w + 1));
            acc.mul(FloatVector.fromArray(S, inv, j)).intoArray(y, dst + j);
        }
        return j;
    }

    /** Any odd k = 2p + 1: the same with a tap loop. Returns where it stopped. */
    private static int interior(float[] x, int src, int w, int k, float[] inv, float[] y, int dst, int from, int to) {
        int p = k / 2;
        int j = from;
        for (; j + L <= to; j += L) {
            FloatVector acc = ZERO;
            for (int a = 0; a < k; a++) {
                int row = src + j + (a - p) * w - p;
                for (int b = 0; b < k; b++) {
                    acc = acc.add(FloatVector.fromArray(S, x, row + b));
                }
            }
            acc.mul(FloatVector.fromArray(S, inv, j)).intoArray(y, dst + j);
        }
        return j;
    }

    /** The window sum at (r, c) over the taps inside the image, in row-major order from 0. */
    private static float border(float[] x, int src, int r, int c, ConvGeometry g) {
        int p = g.padding(), k = g.kernelHeight(), w = g.width();
        int r0 = Math.max(0, r - p), r1 = Math.min(g.height(), r - p + k);
        int c0 = Math.max(0, c - p), c1 = Math.min(w, c - p + k);
        float s = 0f;
        for (int a = r0; a < r1; a++) {
            for (int b = c0, base = src + a * w; b < c1; b++) {
                s += x[base + b];
            }
        }
        return s;
    }
}
