package dev.connectome.nas.subspace;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Li et al.'s sparse projection ({@code --sparseproj}): a "very sparse random projection" (Li,
 * Hastie &amp; Church 2006) with density s = 1/√n in each parameter segment of size n, non-zeros
 * ±√(1/s)/√d with equal probability, then each basis vector normalised to unit length over all of D.
 * About d·Σ√n non-zeros (≈ 0.7 M for MNIST FC at d = 1000), stored per basis vector as
 * (index, value) pairs; P·ω is a scatter, Pᵀ·g a gather.
 */
public final class SparseRandomProjection implements Projection {
    /** Registered as "sparse". */
    public static final ProjectionType TYPE = ProjectionType.of("sparse",
            "very sparse random projection, density 1/√(layer size) (Li et al. 2006; O(d·√D) memory)",
            (request, rng) -> SparseRandomProjection.create(request.segments(), request.dimension(), rng));

    private final int ambient;
    private final int dim;
    private final int[] start; // basis vector j owns entries [start[j], start[j+1])
    private final int[] index;
    private final float[] value;

    private SparseRandomProjection(int ambient, int dim, int[] start, int[] index, float[] value) {
        this.ambient = ambient;
        this.dim = dim;
        this.start = start;
        this.index = index;
        this.value = value;
    }

    /** A projection onto parameter segments of the given sizes (θ order), basis vectors drawn from {@code rng}. */
    public static SparseRandomProjection create(int[] segments, int dim, RandomGenerator rng) {
        long total = 0;
        for (int n : segments) {
            total += n;
        }
        if (total < 1 || total > Integer.MAX_VALUE - 8 || dim < 1) {
            throw new IllegalArgumentException("sparse projection: bad sizes D=" + total + ", d=" + dim);
        }
        int ambient = (int) total;
        int[] start = new int[dim + 1];
        int[] index = new int[1024];
        float[] value = new float[1024];
        int nnz = 0;
        double invSqrtD = 1 / Math.sqrt(dim);
        for (int j = 0; j < dim; j++) {
            int first = nnz;
            int offset = 0;
            for (int n : segments) {
                double density = 1 / Math.sqrt(n);
                float magnitude = (float) (Math.sqrt(1 / density) * invSqrtD);
                // Skip over the zeros with geometric gaps: one draw per non-zero, not per entry.
                double logKeep = Math.log1p(-density);
                int i = density >= 1 ? 0 : gap(rng, logKeep);
                while (i < n) {
                    if (nnz == index.length) {
                        index = Arrays.copyOf(index, nnz * 2);
                        value = Arrays.copyOf(value, nnz * 2);
                    }
                    index[nnz] = offset + i;
                    value[nnz] = rng.nextBoolean() ? magnitude : -magnitude;
                    nnz++;
                    i += 1 + (density >= 1 ? 0 : gap(rng, logKeep));
                }
                offset += n;
            }
            if (nnz == first) { // an empty draw would span nothing: give it one entry
                if (nnz == index.length) {
                    index = Arrays.copyOf(index, nnz * 2);
                    value = Arrays.copyOf(value, nnz * 2);
                }
                index[nnz] = rng.nextInt(ambient);
                value[nnz++] = 1f;
            }
            double sq = 0;
            for (int k = first; k < nnz; k++) {
                sq += (double) value[k] * value[k];
            }
            float inv = (float) (1 / Math.sqrt(sq));
            for (int k = first; k < nnz; k++) {
                value[k] *= inv;
            }
            start[j + 1] = nnz;
        }
        return new SparseRandomProjection(ambient, dim, start, Arrays.copyOf(index, nnz), Arrays.copyOf(value, nnz));
    }

    /** Number of zeros before the next non-zero when each entry is non-zero with probability 1 − e^logKeep. */
    private static int gap(RandomGenerator rng, double logKeep) {
        double u = 1 - rng.nextDouble(); // (0, 1]
        double g = Math.floor(Math.log(u) / logKeep);
        return g >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE / 2 : (int) g;
    }

    @Override
    public int ambientDimension() {
        return ambient;
    }

    @Override
    public int dimension() {
        return dim;
    }

    @Override
    public int scratchLength() {
        return 0;
    }

    @Override
    public void project(float[] omega, float[] out, float[] scratch) {
        checkLengths(omega, out);
        Arrays.fill(out, 0, ambient, 0f);
        for (int j = 0; j < dim; j++) {
            float w = omega[j];
            if (w == 0f) {
                continue;
            }
            for (int k = start[j], end = start[j + 1]; k < end; k++) {
                out[index[k]] += w * value[k];
            }
        }
    }

    @Override
    public void projectTranspose(float[] g, float[] out, float[] scratch) {
        checkLengths(out, g);
        for (int j = 0; j < dim; j++) {
            float s = 0f;
            for (int k = start[j], end = start[j + 1]; k < end; k++) {
                s += value[k] * g[index[k]];
            }
            out[j] = s;
        }
    }

    /** Stored non-zeros. */
    public int nonZeros() {
        return index.length;
    }

    @Override
    public long storedValues() {
        return 2L * index.length + start.length;
    }

    @Override
    public String name() {
        return "sparse";
    }

    @Override
    public String toString() {
        return "sparse(D=" + ambient + ", d=" + dim + ", nnz=" + index.length + ")";
    }
}
