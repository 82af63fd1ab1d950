package dev.connectome.nas.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Fixed input batches of 3×32×32 images for scoring untrained networks (NASWOT and the other
 * zero-cost scores use 128 CIFAR-10 training images). CIFAR-10 is used as is, normalised with the
 * per-channel mean (125.3, 123.0, 113.9)/255 and std (63.0, 62.1, 66.7)/255 of NB201/NASWOT.
 * Other image sets are adapted: 28×28 (MNIST, Fashion-MNIST) is zero-padded by 2 to 32×32, other
 * sizes are resized (nearest neighbour), one channel is replicated to three, and values are
 * normalised by the data set's own mean and standard deviation.
 *
 * <p>The batch is the first {@code count} samples of a permutation drawn from the seed, so a seed
 * always gives the same images.
 */
public final class ImageBatches {
    /** Images per batch when none is given (NASWOT's setting). */
    public static final int DEFAULT_SIZE = 128;
    /** Data sets {@link #load} tries for "auto", in order: CIFAR-10 when present, else MNIST-like sets, else the embedded sample. */
    public static final List<String> AUTO_ORDER = List.of("cifar-10", "mnist", "fashion-mnist", "mnist-sample");

    private static final float[] CIFAR_MEAN = {125.3f / 255, 123.0f / 255, 113.9f / 255};
    private static final float[] CIFAR_STD = {63.0f / 255, 62.1f / 255, 66.7f / 255};
    private static final int SIDE = 32;
    private static final int PLANE = SIDE * SIDE;

    /**
     * A batch of images [count, 3, 32, 32] row-major with their labels.
     *
     * @param images  count × 3072 values
     * @param labels  the samples' labels
     * @param classes number of classes of the source data set
     * @param source  where the images came from and how they were adapted, for reports
     */
    public record Batch(float[] images, int[] labels, int classes, String source) {
        public Batch {
            Objects.requireNonNull(images, "images");
            Objects.requireNonNull(labels, "labels");
            if (images.length != labels.length * 3 * PLANE) {
                throw new IllegalArgumentException(images.length + " image values do not make " + labels.length
                        + " images of 3×32×32");
            }
        }

        /** Number of images. */
        public int count() {
            return labels.length;
        }

        /** The tensor shape of the batch: {count, 3, 32, 32}. */
        public int[] shape() {
            return new int[] {count(), 3, SIDE, SIDE};
        }

        /** The first {@code n} images as a batch of their own. */
        public Batch first(int n) {
            if (n < 1 || n > count()) {
                throw new IllegalArgumentException("cannot take " + n + " images of a batch of " + count());
            }
            return new Batch(Arrays.copyOf(images, n * 3 * PLANE), Arrays.copyOf(labels, n), classes, source);
        }
    }

    private ImageBatches() {
    }

    /**
     * Loads data set {@code name} (a {@link DataSets} name, or "auto" for the first of
     * {@link #AUTO_ORDER} found under {@code dataDir}) and draws a batch from its training part.
     *
     * @throws DataException when the data set is missing or not an image set
     */
    public static Batch load(Path dataDir, String name, int count, long seed) {
        if (!name.equals("auto")) {
            return from(DataSets.load(dataDir, name, true), count, new SplittableRandom(seed));
        }
        for (String candidate : AUTO_ORDER) {
            Dataset d;
            try {
                d = DataSets.load(dataDir, candidate, true);
            } catch (DataException missing) {
                continue;
            }
            return from(d, count, new SplittableRandom(seed));
        }
        throw new DataException("no image data set found under " + dataDir + " (tried " + AUTO_ORDER + ")");
    }

    /** A batch of {@code count} distinct samples of {@code data}, adapted to 3×32×32 and normalised. */
    public static Batch from(Dataset data, int count, RandomGenerator rng) {
        if (count < 1 || count > data.size()) {
            throw new IllegalArgumentException(data.name() + ": cannot draw " + count + " images from "
                    + data.size() + " samples");
        }
        int[] shape = data.sampleShape();
        if (shape.length == 2) {
            shape = new int[] {1, shape[0], shape[1]};
        }
        if (shape.length != 3 || (shape[0] != 1 && shape[0] != 3)) {
            throw new DataException(data.name() + ": sample shape " + Arrays.toString(data.sampleShape())
                    + " is not an image with 1 or 3 channels");
        }
        boolean cifar = shape[0] == 3 && data.name().startsWith("cifar-10");
        float[] mean = new float[3], std = new float[3];
        if (cifar) {
            mean = CIFAR_MEAN;
            std = CIFAR_STD;
        } else {
            channelStats(data.features(), shape[0], shape[1] * shape[2], mean, std);
        }
        int[] pick = Arrays.copyOf(Dataset.permutation(data.size(), rng), count);
        float[] images = new float[count * 3 * PLANE];
        int[] labels = new int[count];
        float[] sample = new float[data.sampleSize()];
        for (int k = 0; k < count; k++) {
            data.copySample(pick[k], sample, 0);
            labels[k] = data.label(pick[k]);
            for (int ch = 0; ch < 3; ch++) {
                int src = shape[0] == 1 ? 0 : ch;
                place(sample, src * shape[1] * shape[2], shape[1], shape[2], images, (k * 3 + ch) * PLANE,
                        mean[src], std[src]);
            }
        }
        String how = cifar ? "normalised with the NB201 CIFAR-10 mean/std"
                : adaptation(shape) + ", normalised by the data set's mean/std";
        return new Batch(images, labels, data.numClasses(),
                count + " images of " + data.name() + " (seed-drawn; " + how + ")");
    }

    private static String adaptation(int[] shape) {
        String size = shape[1] == SIDE && shape[2] == SIDE ? "32×32"
                : shape[1] <= SIDE && shape[2] <= SIDE && (SIDE - shape[1]) % 2 == 0 && (SIDE - shape[2]) % 2 == 0
                ? shape[1] + "×" + shape[2] + " zero-padded to 32×32"
                : shape[1] + "×" + shape[2] + " resized to 32×32 (nearest)";
        return size + (shape[0] == 1 ? ", 1 channel replicated to 3" : "");
    }

    /**
     * Writes one normalised channel into a 32×32 plane: centred with zero padding (the background
     * value 0 before normalisation) when it fits evenly, else resized by nearest neighbour.
     */
    private static void place(float[] src, int off, int h, int w, float[] dst, int dstOff, float mean, float std) {
        boolean pad = h <= SIDE && w <= SIDE && (SIDE - h) % 2 == 0 && (SIDE - w) % 2 == 0;
        if (pad) {
            int top = (SIDE - h) / 2, left = (SIDE - w) / 2;
            Arrays.fill(dst, dstOff, dstOff + PLANE, (0f - mean) / std);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    dst[dstOff + (y + top) * SIDE + x + left] = (src[off + y * w + x] - mean) / std;
                }
            }
            return;
        }
        for (int y = 0; y < SIDE; y++) {
            int sy = Math.min(h - 1, (int) ((y + 0.5) * h / SIDE));
            for (int x = 0; x < SIDE; x++) {
                int sx = Math.min(w - 1, (int) ((x + 0.5) * w / SIDE));
                dst[dstOff + y * SIDE + x] = (src[off + sy * w + sx] - mean) / std;
            }
        }
    }

    /** Per-channel mean and (population) standard deviation over all samples, in double. */
    private static void channelStats(float[] features, int channels, int plane, float[] mean, float[] std) {
        int sampleSize = channels * plane;
        int samples = features.length / sampleSize;
        for (int ch = 0; ch < channels; ch++) {
            double sum = 0, sq = 0;
            for (int s = 0; s < samples; s++) {
                int base = s * sampleSize + ch * plane;
                for (int i = 0; i < plane; i++) {
                    double v = features[base + i];
                    sum += v;
                    sq += v * v;
                }
            }
            double n = (double) samples * plane;
            double m = sum / n;
            double sd = Math.sqrt(Math.max(0, sq / n - m * m));
            mean[ch] = (float) m;
            std[ch] = sd > 0 ? (float) sd : 1f;
        }
        if (channels == 1) {
            mean[1] = mean[2] = mean[0];
            std[1] = std[2] = std[0];
        }
    }
}
