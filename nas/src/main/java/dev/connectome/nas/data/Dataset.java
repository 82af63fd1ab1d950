package dev.connectome.nas.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An immutable labelled data set: {@code size()} samples of {@code sampleShape()} float features
 * stored row-major in one array, and an int label per sample in {@code [0, numClasses())}.
 *
 * <p>{@link #of} copies the arrays it is given; the arrays returned by {@link #features()} and
 * {@link #labels()} are the internal ones (no copy, so a 60,000-image set is not duplicated) and must
 * be treated as read-only. Derived sets ({@link #slice}, {@link #subset}, {@link #shuffled},
 * {@link #map}) copy the samples they keep.
 */
public final class Dataset {

    /** A data set cut in two: the first part for training, the second for validation (or test). */
    public record Split(Dataset train, Dataset validation) {
        /** Both parts must be present. */
        public Split {
            Objects.requireNonNull(train, "train");
            Objects.requireNonNull(validation, "validation");
        }
    }

    private final String name;
    private final float[] features;
    private final int[] labels;
    private final int[] sampleShape;
    private final int sampleSize;
    private final List<String> classNames;
    private volatile String sha256;

    private Dataset(String name, float[] features, int[] labels, int[] sampleShape, List<String> classNames) {
        this.name = Objects.requireNonNull(name, "name");
        this.features = Objects.requireNonNull(features, "features");
        this.labels = Objects.requireNonNull(labels, "labels");
        this.sampleShape = sampleShape.clone();
        this.classNames = List.copyOf(classNames);
        this.sampleSize = checkShape(name, this.sampleShape);
        validate();
    }

    /**
     * Makes a data set from copies of the given arrays.
     *
     * @throws DataException if the lengths disagree, a label is outside {@code [0, classNames.size())}
     *                       or a feature is NaN or infinite
     */
    public static Dataset of(String name, float[] features, int[] labels, int[] sampleShape, List<String> classNames) {
        return new Dataset(name, features.clone(), labels.clone(), sampleShape, classNames);
    }

    /** Like {@link #of} but takes ownership of the arrays: the caller must not keep or change them. */
    static Dataset wrap(String name, float[] features, int[] labels, int[] sampleShape, List<String> classNames) {
        return new Dataset(name, features, labels, sampleShape, classNames);
    }

    /** Class names "0", "1", ..., "n-1". */
    public static List<String> numberedClasses(int n) {
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = Integer.toString(i);
        }
        return List.of(names);
    }

    private static int checkShape(String name, int[] shape) {
        if (shape.length == 0) {
            throw new DataException(name + ": empty sample shape");
        }
        long size = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new DataException(name + ": bad sample shape " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size > Integer.MAX_VALUE) {
            throw new DataException(name + ": sample shape too large " + Arrays.toString(shape));
        }
        return (int) size;
    }

    private void validate() {
        if (classNames.isEmpty()) {
            throw new DataException(name + ": no classes");
        }
        if ((long) labels.length * sampleSize != features.length) {
            throw new DataException(name + ": " + features.length + " feature values do not make " + labels.length
                    + " samples of shape " + Arrays.toString(sampleShape));
        }
        int n = classNames.size();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= n) {
                throw new DataException(name + ": label " + labels[i] + " of sample " + i + " is outside [0, " + n + ")");
            }
        }
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw new DataException(name + ": feature " + (i % sampleSize) + " of sample " + (i / sampleSize)
                        + " is " + features[i]);
            }
        }
    }

    /** The data set's name (e.g. "mnist-train"). */
    public String name() {
        return name;
    }

    /** All features, {@code size() × sampleSize()} values row-major. The internal array: do not modify. */
    public float[] features() {
        return features;
    }

    /** All labels. The internal array: do not modify. */
    public int[] labels() {
        return labels;
    }

    /** Label of sample {@code i}. */
    public int label(int i) {
        return labels[i];
    }

    /** Copies sample {@code i}'s features into {@code dst} at {@code dstOff}. */
    public void copySample(int i, float[] dst, int dstOff) {
        System.arraycopy(features, i * sampleSize, dst, dstOff, sampleSize);
    }

    /** Shape of one sample, e.g. {1, 28, 28}. A copy. */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** Number of features per sample (product of the sample shape). */
    public int sampleSize() {
        return sampleSize;
    }

    /** Number of samples. */
    public int size() {
        return labels.length;
    }

    /** Class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** Number of classes. */
    public int numClasses() {
        return classNames.size();
    }

    /** Samples per class, indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /**
     * Hex SHA-256 of the contents (sample shape, class names, labels, feature bit patterns; not the
     * name), computed on first use. Two data sets with equal contents have equal digests.
     */
    public String sha256() {
        String s = sha256;
        if (s == null) {
            s = computeSha256();
            sha256 = s;
        }
        return s;
    }

    private String computeSha256() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
        md.update(("shape=" + Arrays.toString(sampleShape) + ";classes=" + String.join("\u0000", classNames) + ";")
                .getBytes(StandardCharsets.UTF_8));
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (int l : labels) {
            if (buf.remaining() < 4) {
                flush(md, buf);
            }
            buf.putInt(l);
        }
        for (float f : features) {
            if (buf.remaining() < 4) {
                flush(md, buf);
            }
            buf.putInt(Float.floatToIntBits(f));
        }
        flush(md, buf);
        return HexFormat.of().formatHex(md.digest());
    }

    private static void flush(MessageDigest md, ByteBuffer buf) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
    }

    /** Samples {@code [from, to)} as a new data set. */
    public Dataset slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size());
        return new Dataset(name, Arrays.copyOfRange(features, from * sampleSize, to * sampleSize),
                Arrays.copyOfRange(labels, from, to), sampleShape, classNames);
    }

    /** The samples at {@code indices}, in that order (repeats allowed). */
    public Dataset subset(int[] indices) {
        float[] f = new float[indices.length * sampleSize];
        int[] l = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = Objects.checkIndex(indices[k], size());
            System.arraycopy(features, i * sampleSize, f, k * sampleSize, sampleSize);
            l[k] = labels[i];
        }
        return new Dataset(name, f, l, sampleShape, classNames);
    }

    /** A copy in an order drawn from {@code rng} (Fisher–Yates); the same seed gives the same order. */
    public Dataset shuffled(RandomGenerator rng) {
        return subset(permutation(size(), rng));
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates, consuming n-1 draws from {@code rng}). */
    public static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, rng);
        return p;
    }

    static void shuffle(int[] p, RandomGenerator rng) {
        for (int i = p.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
    }

    /**
     * The first {@code firstCount} samples as train and the rest as validation. Shuffle first
     * ({@link #shuffled}) for a random split.
     */
    public Split split(int firstCount) {
        if (firstCount < 0 || firstCount > size()) {
            throw new IllegalArgumentException(name + ": cannot split " + size() + " samples at " + firstCount);
        }
        return new Split(slice(0, firstCount), slice(firstCount, size()));
    }

    /** A copy with this data set's contents but another name. */
    public Dataset withName(String newName) {
        return new Dataset(newName, features, labels, sampleShape, classNames);
    }

    /** Applies {@code transform} to every sample; the result is named "name/transform". */
    public Dataset map(SampleTransform transform) {
        int[] outShape = transform.outputShape(sampleShape.clone());
        int outSize = checkShape(name + "/" + transform.name(), outShape);
        float[] out = new float[size() * outSize];
        int[] inShape = sampleShape.clone();
        for (int i = 0; i < size(); i++) {
            transform.apply(inShape, features, i * sampleSize, out, i * outSize);
        }
        return new Dataset(name + "/" + transform.name(), out, labels, outShape, classNames);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " samples of " + Arrays.toString(sampleShape) + ", " + numClasses() + " classes)";
    }
}
