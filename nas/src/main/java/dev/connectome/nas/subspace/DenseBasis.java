package dev.connectome.nas.subspace;

import java.util.Arrays;

/**
 * A dense D×d projection stored as its d columns (basis vectors), each contiguous: one
 * {@code float[d·D]}. P·ω is one axpy per basis vector, Pᵀ·g one dot product per basis vector. Both are memory-bound: 2·d·D floats
 * read per training step, which is the cost Li et al. name for dense projections.
 */
final class DenseBasis implements Projection {
    private final String name;
    private final int ambient;
    private final int dim;
    private final float[] basis; // basis[j·D + i] = P[i, j]
    private final float[] initialOmega;

    DenseBasis(String name, int ambient, int dim, float[] basis, float[] initialOmega) {
        this.name = name;
        this.ambient = ambient;
        this.dim = dim;
        this.basis = basis;
        this.initialOmega = initialOmega;
    }

    /** Allocates the d·D array, or explains why a dense projection this large cannot be built. */
    static float[] allocate(String name, int ambient, int dim) {
        long n = (long) ambient * dim;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(name + " projection: D·d = " + ambient + "·" + dim + " = " + n
                    + " values do not fit in one array (" + n * 4 / (1 << 20)
                    + " MiB); use the sparse or fastfood projection");
        }
        return new float[(int) n];
    }

    /** Scales every basis vector to unit L2 norm; a zero vector is an error (it spans nothing). */
    static void normaliseColumns(String name, float[] basis, int ambient, int dim) {
        for (int j = 0; j < dim; j++) {
            double norm = Math.sqrt(DenseKernels.sumSquares(basis, j * ambient, ambient));
            if (!(norm > 0)) {
                throw new IllegalStateException(name + " projection: basis vector " + j + " is zero");
            }
            DenseKernels.scale(basis, j * ambient, ambient, (float) (1 / norm));
        }
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
        // Basis vectors stream in order (one sequential read of d·D floats, which the prefetcher
        // follows); θ (4·D bytes) stays in L2 across the d passes.
        for (int j = 0; j < dim; j++) {
            float w = omega[j];
            if (w != 0f) {
                DenseKernels.axpy(w, basis, j * ambient, out, 0, ambient);
            }
        }
    }

    @Override
    public void projectTranspose(float[] g, float[] out, float[] scratch) {
        checkLengths(out, g);
        for (int j = 0; j < dim; j++) {
            out[j] = DenseKernels.dot(basis, j * ambient, g, 0, ambient);
        }
    }

    @Override
    public long storedValues() {
        return (long) basis.length;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public float[] initialOmega() {
        return initialOmega.clone();
    }

    @Override
    public String toString() {
        return name + "(D=" + ambient + ", d=" + dim + ")";
    }
}
