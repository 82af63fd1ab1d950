package dev.connectome.engine.kernel;

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
    private Im2Col() {
    }

    /**
     * Writes the column matrix of {@code x[xOff ..]} into {@code col[colOff ..]} (every element of
     * its C·KH·KW × OH·OW window is overwritten). {@code g} gives the geometry.
     */
    public static void im2col(float[] x, int xOff, ConvGeometry g, float[] col, int colOff) {
        int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth();
        int s = g.stride(), p = g.padding();
        int positions = oh * ow;
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int plane = xOff + c * h * w;
            for (int kh = 0; kh < g.kernelHeight(); kh++) {
                for (int kw = 0; kw < g.kernelWidth(); kw++, row++) {
                    int base = colOff + row * positions;
                    // Output columns whose input column iw = ow·s − p + kw lies inside [0, w).
                    int lo = Math.max(0, ceilDiv(p - kw, s));
                    int hi = Math.min(ow, ceilDiv(w + p - kw, s));
                    for (int y = 0; y < oh; y++) {
                        int ih = y * s - p + kh;
                        int dst = base + y * ow;
                        if (ih < 0 || ih >= h || lo >= hi) {
                            java.util.Arrays.fill(col, dst, dst + ow, 0f);
                            continue;
                        }
                        int src = plane + ih * w - p + kw;
                        java.util.Arrays.fill(col, dst, dst + lo, 0f);
                        if (s == 1) {
                            System.arraycopy(x, src + lo, col, dst + lo, hi - lo);
                        } else {
                            for (int ox = lo; ox < hi; ox++) {
                                col[dst + ox] = x[src + ox * s];
                            }
                        }
                        java.util.Arrays.fill(col, dst + hi, dst + ow, 0f);
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
    public static void col2im(float[] col, int colOff, ConvGeometry g, float[] dx, int dxOff) {
        int h = g.height(), w = g.width(), oh = g.outHeight(), ow = g.outWidth();
        int s = g.stride(), p = g.padding();
        int positions = oh * ow;
        int row = 0;
        for (int c = 0; c < g.channels(); c++) {
            int plane = dxOff + c * h * w;
            for (int kh = 0; kh < g.kernelHeight(); kh++) {
                for (int kw = 0; kw < g.kernelWidth(); kw++, row++) {
                    int base = colOff + row * positions;
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
                            for (int ox = lo; ox < hi; ox++) {
                                dx[dst + ox] += col[src + ox];
                            }
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

    /** ⌈a / b⌉ for b &gt; 0 and any sign of a. */
    static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
