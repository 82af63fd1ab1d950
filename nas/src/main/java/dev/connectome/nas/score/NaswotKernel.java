package dev.connectome.nas.score;

import java.util.Arrays;

/**
 * The NASWOT kernel K_H over a batch (Mellor et al., ICML 2021): for every observed ReLU layer, each
 * sample's binary code c = (input &gt; 0) over the layer's units, and
 * K += c·cᵀ + (1−c)·(1−c)ᵀ, i.e. K[i][j] = N_A − d_H(c_i, c_j) summed over layers.
 *
 * <p>Codes are packed 64 units to a long, so a pair costs one XOR and a popcount per 64 units.
 * Mutable accumulator: one per scored network, used by one thread.
 */
public final class NaswotKernel {
    private final int batch;
    private final long[] hamming; // upper triangle incl. diagonal, row-major, batch×batch
    private long units;
    private int layers;

    /** An empty kernel for a batch of {@code batch} samples. */
    public NaswotKernel(int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("NASWOT needs a batch of at least 1 sample, got " + batch);
        }
        this.batch = batch;
        this.hamming = new long[batch * batch];
    }

    /**
     * Adds one layer: {@code input} holds {@code batch} samples of {@code unitsPerSample} values
     * (row-major, one sample per row), the layer's pre-activations.
     */
    public void add(float[] input, int unitsPerSample) {
        add(input, unitsPerSample, 1);
    }

    /**
     * Adds {@code multiplicity} layers that all see the same pre-activations {@code input} (several
     * ReLUs reading one tensor, e.g. the ReLU-conv edges leaving one NB201 node): the same as
     * calling {@link #add(float[], int)} that many times, at the cost of one.
     */
    public void add(float[] input, int unitsPerSample, int multiplicity) {
        if (unitsPerSample < 1 || (long) unitsPerSample * batch != input.length) {
            throw new IllegalArgumentException("ReLU input has " + input.length + " values, expected batch " + batch
                    + " × " + unitsPerSample);
        }
        if (multiplicity < 1) {
            throw new IllegalArgumentException("multiplicity must be >= 1, got " + multiplicity);
        }
        int words = (unitsPerSample + 63) >>> 6;
        long[] codes = new long[batch * words];
        for (int s = 0; s < batch; s++) {
            ReluCodes.pack(input, s * unitsPerSample, unitsPerSample, codes, s * words);
        }
        for (int i = 0; i < batch; i++) {
            ReluCodes.hammingRow(codes, i, batch, words, hamming, i * batch, multiplicity);
        }
        units += (long) unitsPerSample * multiplicity;
        layers += multiplicity;
    }

    /**
     * Adds {@code multiplicity} layers whose input is the same for every sample (e.g. all zero): all
     * codes are equal, so only N_A grows.
     */
    public void addUniform(int unitsPerSample, int multiplicity) {
        if (unitsPerSample < 1 || multiplicity < 1) {
            throw new IllegalArgumentException("need units >= 1 and multiplicity >= 1, got " + unitsPerSample + ", "
                    + multiplicity);
        }
        units += (long) unitsPerSample * multiplicity;
        layers += multiplicity;
    }

    /** Adds one layer given as 0/1 codes, {@code codes[sample][unit]} (for tests and small examples). */
    public void addCodes(int[][] codes) {
        if (codes.length != batch) {
            throw new IllegalArgumentException("expected " + batch + " codes, got " + codes.length);
        }
        int n = codes[0].length;
        float[] flat = new float[batch * n];
        for (int s = 0; s < batch; s++) {
            if (codes[s].length != n) {
                throw new IllegalArgumentException("code " + s + " has " + codes[s].length + " units, expected " + n);
            }
            for (int u = 0; u < n; u++) {
                flat[s * n + u] = codes[s][u];
            }
        }
        add(flat, n);
    }

    /** N_A: the number of ReLU units seen so far (per sample). */
    public long units() {
        return units;
    }

    /** Number of layers added. */
    public int layers() {
        return layers;
    }

    public int batch() {
        return batch;
    }

    /** K as a dense symmetric matrix, K[i][j] = N_A − d_H(c_i, c_j). */
    public double[][] matrix() {
        double[][] k = new double[batch][batch];
        for (int i = 0; i < batch; i++) {
            k[i][i] = units;
            for (int j = i + 1; j < batch; j++) {
                double v = units - hamming[i * batch + j];
                k[i][j] = v;
                k[j][i] = v;
            }
        }
        return k;
    }

    /** The NASWOT score log|det K| (sign ignored, as NumPy's {@code slogdet(K)[1]}); −∞ when K is singular. */
    public double score() {
        return logAbsDet(matrix());
    }

    /**
     * log|det A| by LU decomposition with partial pivoting in double precision: the sum of the logs of
     * the pivots' magnitudes, so a determinant far beyond double's range (128×128 entries in the
     * thousands) never overflows. −∞ for a singular matrix. Does not modify {@code a}.
     */
    public static double logAbsDet(double[][] a) {
        int n = a.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has " + a[i].length
                        + " columns, expected " + n);
            }
            m[i] = Arrays.copyOf(a[i], n);
        }
        double log = 0;
        for (int col = 0; col < n; col++) {
            int pivot = col;
            double best = Math.abs(m[col][col]);
            for (int r = col + 1; r < n; r++) {
                double v = Math.abs(m[r][col]);
                if (v > best) {
                    best = v;
                    pivot = r;
                }
            }
            if (best == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            double[] p = m[col];
            double inv = 1 / p[col];
            log += Math.log(best);
            for (int r = col + 1; r < n; r++) {
                double[] row = m[r];
                double f = row[col] * inv;
                if (f != 0) {
                    for (int c = col + 1; c < n; c++) {
                        row[c] -= f * p[c];
                    }
                }
            }
        }
        return log;
    }
}
