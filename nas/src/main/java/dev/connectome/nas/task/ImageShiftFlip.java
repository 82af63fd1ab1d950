package dev.connectome.nas.task;

import dev.connectome.nas.data.Dataset;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The standard image augmentation of the DNW, NAS and NB201 training recipes: a random crop of the
 * image padded by {@code pad} pixels on every side (torchvision's {@code RandomCrop(size, padding)}),
 * i.e. a shift by up to {@code pad} pixels in each direction with {@code fill} coming in at the
 * border, then, with {@code flip}, a left–right mirror with probability ½. Rows hold
 * [channels, height, width] images, row-major.
 *
 * <p>Thread-safe: each thread gets its own one-image scratch buffer, so batches allocate nothing.
 */
public final class ImageShiftFlip implements BatchAugmentation {
    private final int channels;
    private final int height;
    private final int width;
    private final int pad;
    private final boolean flip;
    private final float fill;
    private final int size;
    private final ThreadLocal<float[]> scratch;

    /**
     * @param fill the value of a padding pixel: for standardised images the value a black pixel has
     *             after standardisation (torchvision pads the raw image with 0 before normalising)
     */
    public ImageShiftFlip(int channels, int height, int width, int pad, boolean flip, float fill) {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("image shape must be positive, got " + channels + "×" + height + "×"
                    + width);
        }
        if (pad < 0 || pad >= Math.min(height, width)) {
            throw new IllegalArgumentException("shift padding must be in [0, " + Math.min(height, width)
                    + ") for " + height + "×" + width + " images, got " + pad);
        }
        if (!Float.isFinite(fill)) {
            throw new IllegalArgumentException("fill value must be finite, got " + fill);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pad = pad;
        this.flip = flip;
        this.fill = fill;
        this.size = channels * height * width;
        this.scratch = ThreadLocal.withInitial(() -> new float[size]);
    }

    /**
     * The augmentation for the image samples ([C, H, W] or [H, W]) of {@code train}, padding with its
     * smallest value: the value of a black pixel, raw or standardised, since pixels are >= 0 and 0 occurs.
     *
     * @throws IllegalArgumentException if the samples are not images or {@code pad} does not fit them
     */
    public static ImageShiftFlip forImages(Dataset train, int pad, boolean flip) {
        int[] shape = train.sampleShape();
        if (shape.length < 2 || shape.length > 3) {
            throw new IllegalArgumentException("shift/flip augmentation needs image samples ([C, H, W] or [H, W]); "
                    + train.name() + " has samples of shape " + Arrays.toString(shape));
        }
        float black = Float.POSITIVE_INFINITY;
        for (float v : train.features()) {
            black = Math.min(black, v);
        }
        int h = shape[shape.length - 2], w = shape[shape.length - 1];
        return new ImageShiftFlip(shape.length == 3 ? shape[0] : 1, h, w, pad, flip, black);
    }

    @Override
    public void apply(float[] rows, int samples, int sampleSize, RandomGenerator rng) {
        if (sampleSize != size) {
            throw new IllegalArgumentException("shift/flip augmentation is set up for " + channels + "×" + height
                    + "×" + width + " images, but samples have " + sampleSize + " values");
        }
        float[] copy = scratch.get();
        for (int s = 0; s < samples; s++) {
            // draw order (dy, dx, mirror) is part of the reproducibility contract
            int dy = rng.nextInt(2 * pad + 1) - pad;
            int dx = rng.nextInt(2 * pad + 1) - pad;
            boolean mirror = flip && rng.nextBoolean();
            int off = s * sampleSize;
            System.arraycopy(rows, off, copy, 0, sampleSize);
            transform(copy, 0, rows, off, dy, dx, mirror);
        }
    }

    /**
     * Writes image {@code in} shifted so that output pixel (y, x) is input pixel (y + dy, x + dx) of
     * the padded image ({@code fill} outside), mirrored left–right after the shift when {@code mirror}.
     */
    void transform(float[] in, int inOff, float[] out, int outOff, int dy, int dx, boolean mirror) {
        int plane = height * width;
        for (int c = 0; c < channels; c++) {
            int ci = inOff + c * plane, co = outOff + c * plane;
            for (int y = 0; y < height; y++) {
                int sy = y + dy;
                boolean rowInside = sy >= 0 && sy < height;
                for (int x = 0; x < width; x++) {
                    int sx = (mirror ? width - 1 - x : x) + dx;
                    out[co + y * width + x] = rowInside && sx >= 0 && sx < width ? in[ci + sy * width + sx] : fill;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "shift ±" + pad + (flip ? " + mirror" : "");
    }
}
