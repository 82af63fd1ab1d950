package dev.connectome.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Unfolding of one image for convolution as a matrix product (im2col) and its adjoint (col2im).
 *
 * <p>The image is C planes of H×W floats (row-major, one sample of an NCHW batch). The column
 * matrix has one row per (channel, kernel row, kernel column) — C·KH·KW rows, in that order, the
 * order of a PyTorch weight [O, C, KH, KW] flattened to [O, C·KH·KW] — and one column per output
 * position (OH·OW, row-major). Positions that fall into the zero padding read as 0.
 *
 * <p>Stride 1 (the common case) copies contiguous runs with {@link System#arraycopy}.
 */
public final class Im2Col {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Im2Col() {
    }

    /**
     * Writes the column matrix of {@code x[xOff ..]} into {@code col[colOff ..]}, rows {@code ld}
     * apart (every element of its C·KH·KW × OH·OW window is overwritten; the padding between rows
     * is left alone). {@code g} gives the geometry.
     */
    public static void im2col(float[] x, int xOff, ConvGeometry g, float[] col, int colOff, int ld) {
        int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth();
        int s = g.stride(), p = g.padding();
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int plane = xOff + c * h * w;
            for (int kh = 0; kh < g.kernelHeight(); kh++) {
                for (int kw = 0; kw < g.kernelWidth(); kw++, row++) {
                    int base = colOff + row * ld;
                    // Output columns whose input column iw = ow·s − p + kw lies inside [0, w), and
                    // likewise the output rows.
                    int lo = Math.max(0, ceilDiv(p - kw, s)), hi = Math.min(ow, ceilDiv(w + p - kw, s));
                    int yLo = Math.max(0, ceilDiv(p - kh, s)), yHi = Math.min(oh, ceilDiv(h + p - kh, s));
                    if (lo >= hi || yLo >= yHi) {
                        java.util.Arrays.fill(col, base, base + oh * ow, 0f);
                        continue;
                    }
                    java.util.Arrays.fill(col, base, base + yLo * ow, 0f);
                    java.util.Arrays.fill(col, base + yHi * ow, base + oh * ow, 0f);
                    if (s == 1 && ow == w) {
                        // Rows of the image and of the column matrix are equally long, so all valid
                        // rows are one contiguous copy; the few columns that wrapped around from the
                        // neighbouring row are then zeroed.
                        int first = base + yLo * ow;
                        int src = plane + (yLo - p + kh) * w - p + kw;
                        System.arraycopy(x, src + lo, col, first + lo, (yHi - yLo - 1) * ow + hi - lo);
                        for (int y = yLo; y < yHi; y++) {
                            int d = base + y * ow;
                            for (int ox = 0; ox < lo; ox++) {
                                col[d + ox] = 0f;
                            }
                            for (int ox = hi; ox < ow; ox++) {
                                col[d + ox] = 0f;
                            }
                        }
                        continue;
                    }
                    for (int y = yLo; y < yHi; y++) {
                        int dst = base + y * ow;
                        int src = plane + (y * s - p + kh) * w - p + kw;
                        for (int ox = 0; ox < lo; ox++) {
                            col[dst + ox] = 0f;
                        }
                        if (s == 1) {
                            System.arraycopy(x, src + lo, col, dst + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                col[dst + ox] = x[src + ox * s];
                            }
                        }
                        for (int ox = hi; ox < ow; ox++) {
                            col[dst + ox] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * The adjoint of {@link #im2col}: adds every element of the column matrix {@code col[colOff ..]}
     * into the image position it was read from ({@code dx[dxOff ..]}, accumulating; padding
     * positions are dropped).
     */
    public static void col2im(float[] col, int colOff, int ld, ConvGeometry g, float[] dx, int dxOff) {
        int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth();
        int s = g.stride(), p = g.padding();
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int plane = dxOff + c * h * w;
            for (int kh = 0; kh < g.kernelHeight(); kh++) {
                for (int kw = 0; kw < g.kernelWidth(); kw++, row++) {
                    int base = colOff + row * ld;
                    int lo = Math.max(0, ceilDiv(p - kw, s));
                    int hi = Math.min(ow, ceilDiv(w + p - kw, s));
                    for (int y = 0; y < oh; y++) {
                        int ih = y * s - p + kh;
                        if (ih < 0 || ih >= h) {
                            continue;
                        }
                        int src = base + y * ow;
                        int dst = plane + ih * w - p + kw;
                        if (s == 1) {
                            addRun(col, src + lo, dx, dst + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                dx[dst + ox * s] += col[src + ox];
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code y[yOff + i] += x[xOff + i]} for i in [0, n). */
    static void addRun(float[] x, int xOff, float[] y, int yOff, int n) {
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector.fromArray(S, y, yOff + i).add(FloatVector.fromArray(S, x, xOff + i)).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] += x[xOff + i];
        }
    }

    /**
     * A leading dimension for a column matrix with {@code positions} columns: at least that, a
     * multiple of 16 floats, and never a multiple of 256 floats (1 KB). Rows that are a power of
     * two apart map to the same L1 sets, so a GEMM streaming down such a matrix would keep
     * evicting its own operand; one extra cache line per row spreads them out.
     */
    public static int leadingDimension(int positions) {
        int ld = (positions + 15) & ~15;
        return ld % 256 == 0 ? ld + 16 : ld;
    }

    /** ⌈a / b⌉ for b &gt; 0 and any sign of a. */
    static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
