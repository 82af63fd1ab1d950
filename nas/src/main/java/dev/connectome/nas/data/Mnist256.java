package dev.connectome.nas.data;

import java.util.Arrays;

/**
 * The MNIST256 preprocessing of the WANN paper (Gaier and Ha 2019; WANN/domain/classify_gym.py
 * {@code mnist_256}): each 28×28 image in [0,1] is resized to 16×16 with OpenCV's bilinear
 * {@code cv2.resize(img, (16,16))} and then deskewed by its image moments with
 * {@code cv2.warpAffine(..., WARP_INVERSE_MAP | INTER_LINEAR)}. Output shape {1, 16, 16}, values in [0, 1].
 *
 * <p>The arithmetic follows OpenCV's generic C++ code paths for float64 images so that results
 * match cv2 to rounding error: resize coefficients are float32 {@code (1-f, f)} at half-pixel
 * centres with source scale 28/16; moments are accumulated row by row in double; the warp matrix is
 * rounded to float32 (the WANN code builds it with {@code np.float32}); and warpAffine quantises
 * source coordinates to 1/32 pixel (OpenCV's INTER_BITS = 5, with 10-bit intermediate fixed point
 * and round-half-even), reading 0 outside the image. Ignoring that quantisation changes outputs by
 * up to about 0.013. Checked against the independent numpy implementation in
 * {@code nas/scripts/mnist256_reference.py} (see Mnist256Test).
 */
public final class Mnist256 implements SampleTransform {
    /** Output side length. */
    public static final int SIDE = 16;
    private static final Mnist256 INSTANCE = new Mnist256();
    private static final int INTER_BITS = 5;
    private static final int TAB = 1 << INTER_BITS;
    private static final int AB_BITS = 10;
    private static final int AB_SCALE = 1 << AB_BITS;

    private Mnist256() {
    }

    /** The transform (stateless). */
    public static Mnist256 transform() {
        return INSTANCE;
    }

    /** Shorthand for {@code data.map(Mnist256.transform())}. */
    public static Dataset apply(Dataset data) {
        return data.map(INSTANCE);
    }

    @Override
    public String name() {
        return "mnist256";
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (inputShape.length != 3 || inputShape[0] != 1 || inputShape[1] < 2 || inputShape[2] < 2) {
            throw new DataException("mnist256 needs single-channel images {1, H, W}, got " + Arrays.toString(inputShape));
        }
        return new int[] {1, SIDE, SIDE};
    }

    @Override
    public void apply(int[] inputShape, float[] in, int inOff, float[] out, int outOff) {
        outputShape(inputShape);
        int h = inputShape[1];
        int w = inputShape[2];
        double[] src = new double[h * w];
        for (int i = 0; i < src.length; i++) {
            src[i] = in[inOff + i];
        }
        double[] small = new double[SIDE * SIDE];
        resizeLinear(src, h, w, small, SIDE, SIDE);
        double[] result = new double[SIDE * SIDE];
        deskew(small, SIDE, result);
        for (int i = 0; i < result.length; i++) {
            out[outOff + i] = (float) result[i];
        }
    }

    /** cv2.resize INTER_LINEAR for a double image: separable, float32 coefficients, double sums. */
    static void resizeLinear(double[] src, int sh, int sw, double[] dst, int dh, int dw) {
        int[] xo = new int[dw];
        float[] xw = new float[dw];
        coefficients(dw, sw, xo, xw);
        int[] yo = new int[dh];
        float[] yw = new float[dh];
        coefficients(dh, sh, yo, yw);
        double[] hor = new double[sh * dw];
        for (int r = 0; r < sh; r++) {
            for (int d = 0; d < dw; d++) {
                int s = xo[d];
                int s1 = Math.min(s + 1, sw - 1);
                hor[r * dw + d] = src[r * sw + s] * (double) (1f - xw[d]) + src[r * sw + s1] * (double) xw[d];
            }
        }
        for (int d = 0; d < dh; d++) {
            int s = yo[d];
            int s1 = Math.min(s + 1, sh - 1);
            double b0 = 1f - yw[d];
            double b1 = yw[d];
            for (int c = 0; c < dw; c++) {
                dst[d * dw + c] = hor[s * dw + c] * b0 + hor[s1 * dw + c] * b1;
            }
        }
    }

    /** Source index and fraction per output index, as OpenCV's resizeGeneric computes them for INTER_LINEAR. */
    private static void coefficients(int dsize, int ssize, int[] offset, float[] frac) {
        double scale = 1.0 / ((double) dsize / ssize);
        for (int d = 0; d < dsize; d++) {
            float f = (float) ((d + 0.5) * scale - 0.5);
            int s = (int) Math.floor(f);
            f -= s;
            if (s < 0) {
                s = 0;
                f = 0;
            }
            if (s >= ssize - 1) {
                s = ssize - 1;
                f = 0;
            }
            offset[d] = s;
            frac[d] = f;
        }
    }

    /** Deskews a side×side image by its second-order moments (WANN's {@code deskew}). */
    static void deskew(double[] img, int side, double[] out) {
        double m00 = 0;
        double m01 = 0;
        double m02 = 0;
        double m10 = 0;
        double m11 = 0;
        // Same accumulation order as OpenCV's momentsInTile, so the skew rounds identically.
        for (int y = 0; y < side; y++) {
            double x0 = 0;
            double x1 = 0;
            for (int x = 0; x < side; x++) {
                double p = img[y * side + x];
                x0 += p;
                x1 += x * p;
            }
            m11 += x1 * y;
            m02 += x0 * (double) (y * y);
            m10 += x1;
            m01 += y * x0;
            m00 += x0;
        }
        double inv = Math.abs(m00) > Math.ulp(1.0) ? 1.0 / m00 : 0.0;
        double cy = m01 * inv;
        double mu11 = m11 - m10 * cy;
        double mu02 = m02 - m01 * cy;
        if (Math.abs(mu02) < 1e-2) {
            System.arraycopy(img, 0, out, 0, side * side);
            return;
        }
        double skew = mu11 / mu02;
        // np.float32 matrix [[1, skew, -0.5*side*skew], [0, 1, 0]] as WARP_INVERSE_MAP.
        double a = (float) skew;
        double b = (float) (-0.5 * side * skew);
        warpRowShear(img, side, a, b, out);
    }

    /**
     * dst(x, y) = src(x + a·y + b, y) with OpenCV warpAffine's fixed-point coordinates
     * (imgwarp.cpp WarpAffineInvoker): X = (round((a·y + b)·1024) + 16 + x·1024) >> 5 in 1/32 pixels.
     */
    private static void warpRowShear(double[] src, int side, double a, double b, double[] dst) {
        int roundDelta = AB_SCALE / TAB / 2;
        for (int y = 0; y < side; y++) {
            // long, so a huge skew (nearly flat image) reads zeros instead of overflowing.
            long x0 = (long) Math.rint((a * y + b) * AB_SCALE) + roundDelta;
            for (int x = 0; x < side; x++) {
                long fixed = (x0 + (long) x * AB_SCALE) >> (AB_BITS - INTER_BITS);
                long sx = fixed >> INTER_BITS;
                float ax = (fixed & (TAB - 1)) / (float) TAB;
                double w0 = 1f - ax;
                double w1 = ax;
                double v0 = sx >= 0 && sx < side ? src[y * side + (int) sx] : 0.0;
                double v1 = sx + 1 >= 0 && sx + 1 < side ? src[y * side + (int) sx + 1] : 0.0;
                dst[y * side + x] = v0 * w0 + v1 * w1;
            }
        }
    }
}
