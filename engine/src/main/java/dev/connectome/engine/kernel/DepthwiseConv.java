package dev.connectome.engine.kernel;

import dev.connectome.engine.Parallelism;

/**
 * Convolutions with one input channel per group (depthwise, possibly with several output channels
 * per input channel): strides 1 and 2 run vectorised along the plane ({@link PlaneDepthwise}),
 * larger strides a direct loop over runs of valid positions. Work is split by group: a group owns
 * its input channel's gradient planes and its output channels' weight gradients, so threads never
 * write the same value.
 *
 * <p>Layout: x [batch, groups, H, W] (the geometry's channels is 1), w [groups·og, 1, KH, KW],
 * out [batch, groups·og, OH, OW]; og is the number of output channels per group.
 */
public final class DepthwiseConv {
    private DepthwiseConv() {
    }

    /** Overwrites {@code out} with the convolution of x by w (plus bias when not null). */
    public static void forward(float[] x, float[] w, float[] bias, float[] out, ConvGeometry geo, int batch,
                               int groups, int og, Parallelism par) {
        if (PlaneDepthwise.applies(geo)) {
            PlaneDepthwise.forward(x, w, bias, out, geo, batch, groups, og, par);
        } else {
            forwardDirect(x, w, bias, out, geo, batch, groups, og, par);
        }
    }

    /**
     * Accumulates the gradients of x, w and bias (each skipped when null) given the output
     * gradient gy.
     */
    public static void backward(float[] xd, float[] wd, float[] gy, float[] gx, float[] gw, float[] gb,
                                ConvGeometry geo, int batch, int groups, int og, Parallelism par) {
        if (PlaneDepthwise.applies(geo)) {
            PlaneDepthwise.backward(xd, wd, gy, gx, gw, gb, geo, batch, groups, og, par);
        } else {
            backwardDirect(xd, wd, gy, gx, gw, gb, geo, batch, groups, og, par);
        }
    }

    /** The direct loop for any stride: per output row, the run of valid input positions of each tap. */
    static void forwardDirect(float[] x, float[] w, float[] bias, float[] out, ConvGeometry geo, int batch,
                              int groups, int og, Parallelism par) {
        int kk = geo.kernelHeight() * geo.kernelWidth(), p = geo.outHeight() * geo.outWidth();
        int inPlane = geo.height() * geo.width();
        par.forEach(groups, g -> {
            for (int s = 0; s < batch; s++) {
                int xOff = (s * groups + g) * inPlane;
                for (int ch = g * og; ch < (g + 1) * og; ch++) {
                    int yOff = (s * groups * og + ch) * p;
                    java.util.Arrays.fill(out, yOff, yOff + p, bias == null ? 0f : bias[ch]);
                    for (int kh = 0; kh < geo.kernelHeight(); kh++) {
                        for (int kw = 0; kw < geo.kernelWidth(); kw++) {
                            float wv = w[ch * kk + kh * geo.kernelWidth() + kw];
                            forEachRun(geo, kh, kw, (oRow, iStart, lo, hi) -> {
                                int st = geo.stride();
                                for (int ox = lo; ox < hi; ox++) {
                                    out[yOff + oRow + ox] += wv * x[xOff + iStart + ox * st];
                                }
                            });
                        }
                    }
                }
            }
        });
    }

    /** The backward pass of {@link #forwardDirect}. */
    static void backwardDirect(float[] xd, float[] wd, float[] gy, float[] gx, float[] gw, float[] gb,
                               ConvGeometry geo, int batch, int groups, int og, Parallelism par) {
        int kk = geo.kernelHeight() * geo.kernelWidth(), p = geo.outHeight() * geo.outWidth();
        int inPlane = geo.height() * geo.width();
        par.forEach(groups, g -> {
            for (int s = 0; s < batch; s++) {
                int xOff = (s * groups + g) * inPlane;
                for (int ch = g * og; ch < (g + 1) * og; ch++) {
                    int yOff = (s * groups * og + ch) * p;
                    if (gb != null) {
                        double sum = 0;
                        for (int i = yOff; i < yOff + p; i++) {
                            sum += gy[i];
                        }
                        gb[ch] += (float) sum;
                    }
                    for (int kh = 0; kh < geo.kernelHeight(); kh++) {
                        for (int kw = 0; kw < geo.kernelWidth(); kw++) {
                            int wi = ch * kk + kh * geo.kernelWidth() + kw;
                            float wv = wd[wi];
                            double[] dw = {0};
                            forEachRun(geo, kh, kw, (oRow, iStart, lo, hi) -> {
                                int st = geo.stride();
                                double acc = 0;
                                for (int ox = lo; ox < hi; ox++) {
                                    float gv = gy[yOff + oRow + ox];
                                    int xi = xOff + iStart + ox * st;
                                    acc += gv * xd[xi];
                                    if (gx != null) {
                                        gx[xi] += wv * gv;
                                    }
                                }
                                dw[0] += acc;
                            });
                            if (gw != null) {
                                gw[wi] += (float) dw[0];
                            }
                        }
                    }
                }
            }
        });
    }

    /** One output row's run of valid input positions for kernel tap (kh, kw). */
    @FunctionalInterface
    private interface Run {
        /**
         * @param outRow offset of the output row in the plane (oy·OW)
         * @param inStart offset in the input plane of output column 0's input for this tap (may be negative)
         * @param lo     first output column whose input is inside the image
         * @param hi     one past the last such column
         */
        void accept(int outRow, int inStart, int lo, int hi);
    }

    private static void forEachRun(ConvGeometry geo, int kh, int kw, Run run) {
        int s = geo.stride(), p = geo.padding(), w = geo.width();
        int lo = Math.max(0, -Math.floorDiv(kw - p, s));
        int hi = Math.min(geo.outWidth(), -Math.floorDiv(kw - p - w, s));
        if (lo >= hi) {
            return;
        }
        for (int oy = 0; oy < geo.outHeight(); oy++) {
            int ih = oy * s - p + kh;
            if (ih >= 0 && ih < geo.height()) {
                run.accept(oy * geo.outWidth(), ih * w - p + kw, lo, hi);
            }
        }
    }
}
