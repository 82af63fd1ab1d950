package dev.connectome.nas.subspace;

import java.util.random.RandomGenerator;

/**
 * Li et al.'s dense projection ({@code --denseproj}): i.i.d. N(0, 1) entries, then each of the d
 * basis vectors normalised to unit length over all of D. Memory and time O(d·D): about 0.8 GB for
 * MNIST FC (D = 199,210) at d = 1000.
 */
public final class DenseGaussianProjection {
    /** Registered as "dense". */
    public static final ProjectionType TYPE = ProjectionType.of("dense",
            "dense Gaussian, unit-norm basis vectors (Li et al.; O(d·D) memory)",
            (request, rng) -> DenseGaussianProjection.create(request.ambientDimension(), request.dimension(), rng));

    private DenseGaussianProjection() {
    }

    /** A D×d projection with unit-norm Gaussian columns drawn from {@code rng} (column by column). */
    public static Projection create(int ambient, int dim, RandomGenerator rng) {
        float[] basis = DenseBasis.allocate("dense", ambient, dim);
        for (int i = 0; i < basis.length; i++) {
            basis[i] = (float) rng.nextGaussian();
        }
        DenseBasis.normaliseColumns("dense", basis, ambient, dim);
        return new DenseBasis("dense", ambient, dim, basis, new float[dim]);
    }
}
