package dev.connectome.engine.ops;

/**
 * Chooses the k entries of largest magnitude, across one array or a group of arrays that share one
 * budget (one global threshold, as Discovering Neural Wirings does over a whole layer or graph).
 *
 * <p>The selection is a two-pass radix select on the bit patterns of |v|: for non-negative floats
 * the IEEE-754 bits order like the values, so a histogram of the high 16 bits finds the bucket of
 * the k-th largest magnitude and a second histogram of the low 16 bits within that bucket finds it
 * exactly. That is O(n) with no worst case and no copy of the data; the caller passes the
 * histogram ({@link #HISTOGRAM} ints) so that a training step allocates nothing.
 *
 * <p>Ties at the threshold are broken deterministically: earlier array first, then lower index.
 * NaN magnitudes rank above infinity (they are kept first), so a diverged weight is not hidden.
 */
public final class TopK {
    /** Length of the histogram the selection needs. */
    public static final int HISTOGRAM = 1 << 16;

    private TopK() {
    }

    /** {@link #largestMagnitude(float[][], int, boolean[][], int[])} for one array. */
    public static float largestMagnitude(float[] values, int k, boolean[] keep) {
        return largestMagnitude(new float[][] {values}, k, new boolean[][] {keep}, new int[HISTOGRAM]);
    }

    /**
     * Sets {@code keep[a][i]} for exactly {@code k} entries of largest {@code |values[a][i]|} over all
     * arrays together and clears every other flag.
     *
     * @param values    the arrays, read only
     * @param k         how many entries to keep, in [0, total size]
     * @param keep      one flag array per value array, of the same length; overwritten
     * @param histogram scratch of at least {@link #HISTOGRAM} ints; overwritten
     * @return the magnitude of the smallest kept entry (0 when k is 0)
     */
    public static float largestMagnitude(float[][] values, int k, boolean[][] keep, int[] histogram) {
        if (values.length != keep.length) {
            throw new IllegalArgumentException("TopK: " + values.length + " value arrays but " + keep.length
                    + " flag arrays");
        }
        long total = 0;
        for (int a = 0; a < values.length; a++) {
            if (values[a].length != keep[a].length) {
                throw new IllegalArgumentException("TopK: value array " + a + " has " + values[a].length
                        + " entries but its flag array " + keep[a].length);
            }
            total += values[a].length;
        }
        if (k < 0 || k > total) {
            throw new IllegalArgumentException("TopK: k must be in [0, " + total + "], got " + k);
        }
        if (histogram.length < HISTOGRAM) {
            throw new IllegalArgumentException("TopK: histogram needs " + HISTOGRAM + " ints, got " + histogram.length);
        }
        if (k == 0) {
            for (boolean[] f : keep) {
                java.util.Arrays.fill(f, false);
            }
            return 0f;
        }
        // Pass 1: high 16 bits of |v|. Find the bucket holding the k-th largest.
        java.util.Arrays.fill(histogram, 0, HISTOGRAM, 0);
        for (float[] v : values) {
            for (float x : v) {
                histogram[bits(x) >>> 16]++;
            }
        }
        int above = 0; // entries in buckets strictly above the chosen one
        int high = HISTOGRAM - 1;
        while (above + histogram[high] < k) {
            above += histogram[high];
            high--;
        }
        // Pass 2: low 16 bits within that bucket.
        java.util.Arrays.fill(histogram, 0, HISTOGRAM, 0);
        for (float[] v : values) {
            for (float x : v) {
                int b = bits(x);
                if (b >>> 16 == high) {
                    histogram[b & 0xFFFF]++;
                }
            }
        }
        int low = HISTOGRAM - 1;
        while (above + histogram[low] < k) {
            above += histogram[low];
            low--;
        }
        int threshold = (high << 16) | low;
        int ties = k - above; // how many entries equal to the threshold are kept
        for (int a = 0; a < values.length; a++) {
            float[] v = values[a];
            boolean[] f = keep[a];
            for (int i = 0; i < v.length; i++) {
                int b = bits(v[i]);
                if (b > threshold) {
                    f[i] = true;
                } else if (b == threshold && ties > 0) {
                    f[i] = true;
                    ties--;
                } else {
                    f[i] = false;
                }
            }
        }
        return Float.intBitsToFloat(threshold);
    }

    /** The bits of |x| as a non-negative int that orders like |x| (NaN above infinity). */
    private static int bits(float x) {
        return Float.floatToRawIntBits(x) & 0x7FFFFFFF;
    }
}
