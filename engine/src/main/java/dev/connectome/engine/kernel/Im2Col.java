package dev.connectome.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Unfolding of one image for convolution as a matrix product (im2col) and its adjoint (col2im).
 *
 * <p>The image is C planes of H×W floats (row-major, one sample of an NCHW batch). The column
 * matrix has one row per (channel, kernel row, kernel column) — C·KH·KW rows, in that order, the
 * order of a PyTorch weight [O, C, KH, KW] flattened to [O, C·KH·KW] — and one column per output
 * position (OH·OW, row-major). Positions that fall into the zero padding read as 0.
 *
 * <p>Stride 1 (the common case) copies contiguous runs with {@link System#arraycopy}. Stride 1
 * with an output plane as large as the input ("same" padding, the NAS-Bench-201 case) has a
 * faster path, {@link #im2colSameSize}: every column-matrix row is then the input plane shifted
 * by one offset, so it is a run of vector loads masked by a precomputed table of which
 * positions fall inside the image (per-row edge handling cost more than the copy on 8×8 planes).
 */
public final class Im2Col {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ZERO = FloatVector.zero(S);

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

    /** Whether {@link #im2colSameSize} applies: stride 1 and an output plane the size of the input. */
    public static boolean isSameSize(ConvGeometry g) {
        return g.stride() == 1 && g.outHeight() == g.height() && g.outWidth() == g.width();
    }

    /** Floats of the validity table of {@link #sameSizeTable}: KH·KW·H·W. */
    public static int sameSizeTableSize(ConvGeometry g) {
        return g.kernelHeight() * g.kernelWidth() * g.height() * g.width();
    }

    /**
     * Writes the validity table of a same-size geometry into {@code t[off ..]}: for kernel tap
     * (kh, kw) and output position d, {@code t[off + (kh·KW + kw)·H·W + d]} is 1 when the tap reads
     * inside the image and 0 when it reads padding. It depends on the plane and kernel only, so
     * one table serves every channel and sample of a call.
     */
    public static void sameSizeTable(ConvGeometry g, float[] t, int off) {
        int h = g.height(), w = g.width(), p = g.padding(), kw = g.kernelWidth(), plane = h * w;
        for (int a = 0; a < g.kernelHeight(); a++) {
            for (int b = 0; b < kw; b++) {
                int base = off + (a * kw + b) * plane;
                for (int y = 0; y < h; y++) {
                    boolean rowOk = y + a - p >= 0 && y + a - p < h;
                    for (int x = 0; x < w; x++) {
                        boolean ok = rowOk && x + b - p >= 0 && x + b - p < w;
                        t[base + y * w + x] = ok ? 1f : 0f;
                    }
                }
            }
        }
    }

    /**
     * {@link #im2col} for a geometry where {@link #isSameSize} holds, given its validity table
     * {@code t[tOff ..]} from {@link #sameSizeTable}. Row (c, kh, kw) is the plane of channel c
     * read at offset (kh − p)·W + (kw − p), with the table's zeros masking the padding, so each
     * vector is one masked load and one store.
     */
    public static void im2colSameSize(float[] x, int xOff, ConvGeometry g, float[] t, int tOff,
                                      float[] col, int colOff, int ld) {
        int h = g.height(), w = g.width(), p = g.padding(), kh = g.kernelHeight(), kw = g.kernelWidth();
        int plane = h * w, len = S.length();
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int src0 = xOff + c * plane;
            for (int a = 0; a < kh; a++) {
                for (int b = 0; b < kw; b++, row++) {
                    int src = src0 + (a - p) * w + (b - p);
                    int tab = tOff + (a * kw + b) * plane;
                    int dst = colOff + row * ld;
                    int j = 0;
                    // Only vectors that lie inside x load as vectors (the shifted window of the
                    // first and last channel can poke out of the array); the rest go scalar. A
                    // masked fromArray would box its mask for the out-of-bounds branch.
                    int vLo = Math.min(plane, Math.max(0, -src)), vEnd = Math.min(plane, x.length - src);
                    for (; j < vLo; j++) {
                        col[dst + j] = t[tab + j] != 0f ? x[src + j] : 0f;
                    }
                    for (; j + len <= vEnd; j += len) {
                        VectorMask<Float> m = FloatVector.fromArray(S, t, tab + j).compare(VectorOperators.NE, 0f);
                        ZERO.blend(FloatVector.fromArray(S, x, src + j), m).intoArray(col, dst + j);
                    }
                    for (; j < plane; j++) {
                        col[dst + j] = t[tab + j] != 0f ? x[src + j] : 0f;
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
