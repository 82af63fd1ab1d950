package dev.connectome.engine.kernel;

import dev.connectome.engine.Parallelism;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Forward-only 2-D convolution of an NCHW batch (one group, no bias) on the calling thread, with
 * an optional ReLU applied to the input on the fly: for inference passes that must not record
 * (training-free scores such as NASWOT score many small networks, one per thread). Per sample: the
 * (ReLU'd) sample is copied into scratch, unfolded (im2col) and multiplied by the weights with
 * {@link Sgemm}, the same steps and arithmetic as the tape op {@code Convolution.conv2d}, so the
 * outputs are bitwise equal to it; the per-sample buffers stay in cache instead of a ReLU'd copy
 * of the whole batch being written and read back.
 */
public final class ConvForward {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private ConvForward() {
    }

    /** Floats of scratch {@link #forward} needs for this geometry. */
    public static int scratchSize(ConvGeometry geo, boolean reluInput) {
        int plane = geo.height() * geo.width();
        int size = reluInput ? geo.channels() * plane : 0;
        if (!geo.isPointwise()) {
            size += geo.patchSize() * Im2Col.leadingDimension(geo.outHeight() * geo.outWidth());
            if (usesTable(geo)) {
                size += Im2Col.sameSizeTableSize(geo);
            }
        }
        return size;
    }

    /** The masked same-size im2col wins up to 16 columns (see Convolution's Unfold). */
    private static boolean usesTable(ConvGeometry geo) {
        return Im2Col.isSameSize(geo) && geo.width() <= 16;
    }

    /**
     * {@code y[n, o] = Σ_c w[o, c] ⊛ f(x[n, c])} for a batch of {@code batch} samples of
     * {@code geo.channels()} planes, with f = max(·, 0) when {@code reluInput}, else the identity.
     *
     * @param w       weights [outChannels, C, KH, KW]
     * @param y       output [batch, outChannels, OH, OW], overwritten
     * @param scratch at least {@link #scratchSize} floats, contents unspecified
     */
    public static void forward(float[] x, float[] w, float[] y, int batch, int outChannels, ConvGeometry geo,
                               boolean reluInput, float[] scratch) {
        int plane = geo.height() * geo.width(), inSample = geo.channels() * plane;
        int outPlane = geo.outHeight() * geo.outWidth(), k = geo.patchSize();
        if ((long) batch * inSample > x.length || (long) outChannels * k > w.length
                || (long) batch * outChannels * outPlane > y.length || scratch.length < scratchSize(geo, reluInput)) {
            throw new IllegalArgumentException("conv forward: buffers too small for batch " + batch + ", "
                    + outChannels + " outputs, " + geo);
        }
        int reluOff = 0, colOff = reluInput ? inSample : 0;
        int colLd = Im2Col.leadingDimension(outPlane);
        int tableOff = colOff + (geo.isPointwise() ? 0 : k * colLd);
        boolean table = !geo.isPointwise() && usesTable(geo);
        if (table) {
            Im2Col.sameSizeTable(geo, scratch, tableOff);
        }
        for (int s = 0; s < batch; s++) {
            float[] src = x;
            int srcOff = s * inSample;
            if (reluInput) {
                relu(x, srcOff, scratch, reluOff, inSample);
                src = scratch;
                srcOff = reluOff;
            }
            float[] b = src;
            int bOff = srcOff, ldb = outPlane;
            if (!geo.isPointwise()) {
                if (table) {
                    Im2Col.im2colSameSize(src, srcOff, geo, scratch, tableOff, scratch, colOff, colLd);
                } else {
                    Im2Col.im2col(src, srcOff, geo, scratch, colOff, colLd);
                }
                b = scratch;
                bOff = colOff;
                ldb = colLd;
            }
            Sgemm.gemm(false, false, outChannels, outPlane, k, w, 0, k, b, bOff, ldb, 0f, y,
                    s * outChannels * outPlane, outPlane, Parallelism.single());
        }
    }

    /** {@code out[o + i] = x[xo + i] > 0 ? x[xo + i] : 0}, as {@link VectorOps#relu} (NaN gives 0). */
    static void relu(float[] x, int xo, float[] out, int o, int n) {
        int i = 0;
        FloatVector zero = FloatVector.zero(S);
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + i);
            zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(out, o + i);
        }
        for (; i < n; i++) {
            out[o + i] = x[xo + i] > 0f ? x[xo + i] : 0f;
        }
    }
}
