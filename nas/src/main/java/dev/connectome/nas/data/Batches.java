package dev.connectome.nas.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Minibatches over a {@link Dataset}. Each call to {@link #iterator()} is one epoch: with a
 * generator the epoch order is a fresh permutation of an {@code int[]} index (drawn from the
 * generator, so the same seed gives the same sequence of epochs); without one, samples come in
 * order. Batches are views: nothing copies the data set, and a training loop copies each batch into
 * one reusable buffer with {@link Batch#copyFeaturesInto}.
 *
 * <p>Not thread-safe when shuffling (epochs draw from the shared generator).
 */
public final class Batches implements Iterable<Batches.Batch> {

    private final Dataset data;
    private final int batchSize;
    private final RandomGenerator rng;
    private final boolean dropLast;

    private Batches(Dataset data, int batchSize, RandomGenerator rng, boolean dropLast) {
        this.data = Objects.requireNonNull(data, "data");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.rng = rng;
        this.dropLast = dropLast;
    }

    /**
     * @param rngOrNull generator for a per-epoch shuffle, or null for in-order batches
     * @param dropLast  drop a final batch smaller than {@code batchSize}
     */
    public static Batches of(Dataset data, int batchSize, RandomGenerator rngOrNull, boolean dropLast) {
        return new Batches(data, batchSize, rngOrNull, dropLast);
    }

    /** The batch size (the last batch may be smaller unless dropLast). */
    public int batchSize() {
        return batchSize;
    }

    /** Batches per epoch. */
    public int batchesPerEpoch() {
        int n = data.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** Starts a new epoch (reshuffling when a generator was given). */
    @Override
    public Iterator<Batch> iterator() {
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (rng != null) {
            Dataset.shuffle(order, rng);
        }
        int count = batchesPerEpoch();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int from = next * batchSize;
                next++;
                return new Batch(data, order, from, Math.min(batchSize, n - from));
            }
        };
    }

    /**
     * One minibatch: {@code size()} samples of the data set, picked by the epoch's order array.
     * Immutable view; it stays valid after the iterator moves on.
     */
    public static final class Batch {
        private final Dataset data;
        private final int[] order;
        private final int offset;
        private final int size;

        Batch(Dataset data, int[] order, int offset, int size) {
            this.data = data;
            this.order = order;
            this.offset = offset;
            this.size = size;
        }

        /** Samples in this batch. */
        public int size() {
            return size;
        }

        /** Position of this batch's first sample in the epoch's order. */
        public int labelOffset() {
            return offset;
        }

        /** Data set index of the batch's {@code i}-th sample. */
        public int index(int i) {
            return order[offset + Objects.checkIndex(i, size)];
        }

        /** Copies the batch's features into {@code dst[0 .. size()*sampleSize)}. */
        public void copyFeaturesInto(float[] dst) {
            int s = data.sampleSize();
            if (dst.length < size * s) {
                throw new IllegalArgumentException("buffer of " + dst.length + " floats is too small for " + size
                        + " samples of " + s);
            }
            for (int i = 0; i < size; i++) {
                data.copySample(order[offset + i], dst, i * s);
            }
        }

        /** Features in {@code reusable} if it is large enough (else a new array); returns the array written. */
        public float[] features(float[] reusable) {
            float[] dst = reusable != null && reusable.length >= size * data.sampleSize()
                    ? reusable : new float[size * data.sampleSize()];
            copyFeaturesInto(dst);
            return dst;
        }

        /** Copies the batch's labels into {@code dst[0 .. size())}. */
        public void copyLabelsInto(int[] dst) {
            for (int i = 0; i < size; i++) {
                dst[i] = data.label(order[offset + i]);
            }
        }

        /** The batch's labels, a new array of {@code size()}. */
        public int[] labels() {
            int[] l = new int[size];
            copyLabelsInto(l);
            return l;
        }
    }
}
