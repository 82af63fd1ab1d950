package dev.connectome.engine.kernel;

import dev.connectome.engine.Parallelism;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Depthwise convolution on small planes with vector lanes along the plane.
 *
 * <p>Each input plane is copied once into a zero-bordered buffer of width {@code W + 2·pad}. In that
 * buffer every kernel tap is a fixed offset, so the output, computed at the buffer's width ("wide"
 * rows whose last {@code KW − 1} columns are discarded), is {@code Σ_tap w_tap · buffer[i + off_tap]}
 * over one contiguous range of i: a few full-width vector FMAs per tap, with no per-row edge logic.
 * On the 7×7 planes of the channel graphs this replaces ~60 short scalar runs per plane.
 * The backward pass uses the same offsets: the weight gradient is a dot product of the wide output
 * gradient (zero in the discarded columns) with the shifted buffer, and the input gradient is the
 * output gradient scattered back through the same shifts. A stride s > 1 computes the stride-1
 * output and keeps every s-th row and column (s² times the arithmetic, still far cheaper than the
 * scalar loop at s = 2); its gradient is zero at the positions not kept.
 *
 * <p>Layout as in {@link DepthwiseConv}: x [batch, groups, H, W], w [groups·og, 1, KH, KW],
 * out [batch, groups·og, OH, OW]. Work is split by group, so threads never write the same value.
 */
final class PlaneDepthwise {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private PlaneDepthwise() {
    }

    /** Buffer geometry of one plane. */
    private record Frame(int height, int width, int pad, int stride, int paddedWidth, int outHeight, int outWidth,
                         int wide, int bufferLength, int[] offsets) {
        static Frame of(ConvGeometry geo) {
            int p = geo.padding(), wp = geo.width() + 2 * p;
            int oh = geo.outHeight(), ow = geo.outWidth();
            int denseRows = geo.height() + 2 * p - geo.kernelHeight() + 1; // stride-1 output rows
            int wide = roundUp(denseRows * wp);
            int kh = geo.kernelHeight(), kw = geo.kernelWidth();
            int[] offsets = new int[kh * kw];
            for (int a = 0; a < kh; a++) {
                for (int b = 0; b < kw; b++) {
                    offsets[a * kw + b] = a * wp + b;
                }
            }
            int buffer = wide + (kh - 1) * wp + kw - 1;
            return new Frame(geo.height(), geo.width(), p, geo.stride(), wp, oh, ow, wide, buffer, offsets);
        }

        /** Copies one input plane into the interior of the (zero-bordered) buffer. */
        void fill(float[] x, int xOff, float[] buf) {
            for (int r = 0; r < height; r++) {
                System.arraycopy(x, xOff + r * width, buf, (r + pad) * paddedWidth + pad, width);
            }
        }

        /** Adds the interior of a buffer to one input-gradient plane. */
        void addInterior(float[] buf, float[] gx, int gxOff) {
            for (int r = 0; r < height; r++) {
                int from = (r + pad) * paddedWidth + pad, to = gxOff + r * width;
                for (int c = 0; c < width; c++) {
                    gx[to + c] += buf[from + c];
                }
            }
        }

        /** Lays one output-gradient plane out at the buffer's width (discarded positions stay zero). */
        void spread(float[] gy, int gyOff, float[] wideBuf) {
            for (int r = 0; r < outHeight; r++) {
                if (stride == 1) {
                    System.arraycopy(gy, gyOff + r * outWidth, wideBuf, r * paddedWidth, outWidth);
                } else {
                    int row = r * stride * paddedWidth;
                    for (int c = 0; c < outWidth; c++) {
                        wideBuf[row + c * stride] = gy[gyOff + r * outWidth + c];
                    }
                }
            }
        }

        /** Copies the kept positions of a wide output to one output plane. */
        void gather(float[] wideBuf, float[] out, int outOff) {
            for (int r = 0; r < outHeight; r++) {
                if (stride == 1) {
                    System.arraycopy(wideBuf, r * paddedWidth, out, outOff + r * outWidth, outWidth);
                } else {
                    int row = r * stride * paddedWidth;
                    for (int c = 0; c < outWidth; c++) {
                        out[outOff + r * outWidth + c] = wideBuf[row + c * stride];
                    }
                }
            }
        }
    }

    private static int roundUp(int n) {
        return (n + L - 1) / L * L;
    }

    /**
     * Whether this kernel handles the geometry: one input channel per group, and stride 1 or 2 (from
     * stride 3 on the skipped stride-1 outputs would cost more than the scalar loop saves).
     */
    static boolean applies(ConvGeometry geo) {
        return geo.stride() <= 2 && geo.channels() == 1;
    }

    static void forward(float[] x, float[] w, float[] bias, float[] out, ConvGeometry geo, int batch, int groups,
                        int og, Parallelism par) {
        Frame f = Frame.of(geo);
        int taps = f.offsets().length, inPlane = f.height() * f.width(), p = f.outHeight() * f.outWidth();
        par.forEach(groups, g -> {
            float[] buf = new float[f.bufferLength()];
            float[] wide = new float[f.wide()];
            for (int s = 0; s < batch; s++) {
                f.fill(x, (s * groups + g) * inPlane, buf);
                for (int ch = g * og; ch < (g + 1) * og; ch++) {
                    float b = bias == null ? 0f : bias[ch];
                    for (int i = 0; i < f.wide(); i += L) {
                        FloatVector acc = FloatVector.broadcast(S, b);
                        for (int t = 0; t < taps; t++) {
                            acc = FloatVector.fromArray(S, buf, i + f.offsets()[t])
                                    .fma(FloatVector.broadcast(S, w[ch * taps + t]), acc);
                        }
                        acc.intoArray(wide, i);
                    }
                    f.gather(wide, out, (s * groups * og + ch) * p);
                }
            }
        });
    }

    static void backward(float[] xd, float[] wd, float[] gy, float[] gx, float[] gw, float[] gb, ConvGeometry geo,
                         int batch, int groups, int og, Parallelism par) {
        Frame f = Frame.of(geo);
        int taps = f.offsets().length, inPlane = f.height() * f.width(), p = f.outHeight() * f.outWidth();
        par.forEach(groups, g -> {
            float[] buf = gw == null ? null : new float[f.bufferLength()];
            float[] gbuf = gx == null ? null : new float[f.bufferLength()];
            float[] wide = new float[f.wide()];
            double[] dw = new double[og * taps];
            double[] db = new double[og];
            for (int s = 0; s < batch; s++) {
                int xOff = (s * groups + g) * inPlane;
                if (buf != null) {
                    f.fill(xd, xOff, buf);
                }
                if (gbuf != null) {
                    java.util.Arrays.fill(gbuf, 0f);
                }
                for (int ch = g * og; ch < (g + 1) * og; ch++) {
                    int yOff = (s * groups * og + ch) * p;
                    f.spread(gy, yOff, wide);
                    if (gb != null) {
                        double sum = 0;
                        for (int i = yOff; i < yOff + p; i++) {
                            sum += gy[i];
                        }
                        db[ch - g * og] += sum;
                    }
                    for (int t = 0; t < taps; t++) {
                        int off = f.offsets()[t];
                        if (buf != null) {
                            FloatVector acc = FloatVector.zero(S);
                            for (int i = 0; i < f.wide(); i += L) {
                                acc = FloatVector.fromArray(S, wide, i).fma(FloatVector.fromArray(S, buf, i + off), acc);
                            }
                            dw[(ch - g * og) * taps + t] += acc.reduceLanes(VectorOperators.ADD);
                        }
                        if (gbuf != null) {
                            FloatVector wv = FloatVector.broadcast(S, wd[ch * taps + t]);
                            for (int i = 0; i < f.wide(); i += L) {
                                FloatVector.fromArray(S, wide, i).fma(wv, FloatVector.fromArray(S, gbuf, i + off))
                                        .intoArray(gbuf, i + off);
                            }
                        }
                    }
                }
                if (gbuf != null) {
                    f.addInterior(gbuf, gx, xOff);
                }
            }
            for (int c = 0; c < og; c++) {
                int ch = g * og + c;
                if (gw != null) {
                    for (int t = 0; t < taps; t++) {
                        gw[ch * taps + t] += (float) dw[c * taps + t];
                    }
                }
                if (gb != null) {
                    gb[ch] += (float) db[c];
                }
            }
        });
    }
}
