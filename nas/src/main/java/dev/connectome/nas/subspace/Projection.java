package dev.connectome.nas.subspace;

/**
 * A fixed linear map P from a small trainable space (dimension d, the vector ω) into a network's
 * parameter space (dimension D, the vector θ), used for subspace training (Li et al. 2018, "Measuring
 * the Intrinsic Dimension of Objective Landscapes"). Implementations are immutable and thread-safe:
 * every call writes only its output and the caller's scratch array.
 *
 * <p>Both kernels take their output buffer; {@code scratch} must hold at least
 * {@link #scratchLength()} floats (its contents are unspecified before and after the call).
 */
public interface Projection {
    /** D, the length of θ. */
    int ambientDimension();

    /** d, the length of ω. */
    int dimension();

    /** Floats of scratch space the kernels need (0 when none). */
    int scratchLength();

    /** {@code out[0..D) = P·omega} (overwrites {@code out}). */
    void project(float[] omega, float[] out, float[] scratch);

    /** {@code out[0..d) = Pᵀ·g} for a vector {@code g} of length D (overwrites {@code out}). */
    void projectTranspose(float[] g, float[] out, float[] scratch);

    /** Floats (or float-sized values such as indices) this projection keeps in memory: its footprint. */
    long storedValues();

    /** A short name, e.g. "fastfood". */
    String name();

    /** {@link #project} with a freshly allocated scratch array (for tests and one-off use). */
    default float[] project(float[] omega) {
        float[] out = new float[ambientDimension()];
        project(omega, out, new float[scratchLength()]);
        return out;
    }

    /** {@link #projectTranspose} with a freshly allocated scratch array. */
    default float[] projectTranspose(float[] g) {
        float[] out = new float[dimension()];
        projectTranspose(g, out, new float[scratchLength()]);
        return out;
    }

    /** Column {@code j} of P (the j-th basis vector in θ-space), computed as P·e_j. */
    default float[] column(int j) {
        float[] e = new float[dimension()];
        e[j] = 1f;
        return project(e);
    }

    /**
     * The ω at which training starts when θ = P·ω has no offset: the zero vector unless the
     * projection was built around an initial θ (see {@link DenseQrProjection}).
     */
    default float[] initialOmega() {
        return new float[dimension()];
    }

    /** Throws unless omega has length d and theta length D. */
    default void checkLengths(float[] omega, float[] theta) {
        if (omega.length < dimension()) {
            throw new IllegalArgumentException(name() + ": ω needs " + dimension() + " values, array has " + omega.length);
        }
        if (theta.length < ambientDimension()) {
            throw new IllegalArgumentException(name() + ": θ needs " + ambientDimension() + " values, array has "
                    + theta.length);
        }
    }
}
