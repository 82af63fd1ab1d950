package dev.connectome.nas.subspace;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.kernel.Sgemm;
import java.util.random.RandomGenerator;

/**
 * The projection of seed 003 (Greydanus 2017, "Training a 784-200-200-10 MNIST classifier in
 * ω-space"): A = [θ_init, N(0,1) columns …] (D×d), P = Q of A's QR decomposition, so the first
 * column is θ_init/‖θ_init‖ and the rest are orthonormalised random columns. ω starts at zero except
 * ω₀ = θ_init[0]/P[0,0] (= ‖θ_init‖), so that P·ω = θ_init: training with θ = P·ω and no offset
 * starts exactly where ordinary training would.
 *
 * <p>Q is computed by blocked classical Gram–Schmidt with re-orthogonalisation ("CGS2", which is as
 * orthogonal as Householder QR to working precision), the inter-block projections on the engine's
 * SGEMM: about 4·D·d² flops. Column signs may differ from numpy's Householder Q; the span and the
 * start point are the same.
 */
public final class DenseQrProjection {
    /** Registered as "dense-qr". */
    public static final ProjectionType TYPE = ProjectionType.of("dense-qr",
            "orthonormal basis whose first column is the initial θ (seed 003; O(d·D) memory)",
            (request, rng) -> {
                if (request.thetaInit() == null) {
                    throw new IllegalArgumentException("dense-qr projection needs the initial θ");
                }
                return DenseQrProjection.create(request.thetaInit(), request.dimension(), rng);
            });

    private static final int BLOCK = 64;

    private DenseQrProjection() {
    }

    /** The orthonormal D×d projection around {@code thetaInit} (length D), random columns from {@code rng}. */
    public static Projection create(float[] thetaInit, int dim, RandomGenerator rng) {
        int ambient = thetaInit.length;
        if (dim > ambient) {
            throw new IllegalArgumentException("dense-qr projection: d = " + dim + " exceeds D = " + ambient
                    + " (at most D orthonormal columns exist)");
        }
        float[] q = DenseBasis.allocate("dense-qr", ambient, dim);
        System.arraycopy(thetaInit, 0, q, 0, ambient);
        if (!(DenseKernels.sumSquares(q, 0, ambient) > 0)) {
            throw new IllegalArgumentException("dense-qr projection: the initial θ is all zeros, it cannot be a basis vector");
        }
        for (int i = ambient; i < q.length; i++) {
            q[i] = (float) rng.nextGaussian();
        }
        orthonormalise(q, ambient, dim);
        float[] omega = new float[dim];
        float p00 = q[0];
        // The seed's a = θ_init[0] / P[0,0]; equal to ‖θ_init‖ — used when θ_init[0] is 0 (the ratio is 0/0).
        omega[0] = thetaInit[0] != 0f && p00 != 0f
                ? thetaInit[0] / p00
                : (float) Math.sqrt(DenseKernels.sumSquares(thetaInit, 0, ambient));
        return new DenseBasis("dense-qr", ambient, dim, q, omega);
    }

    /** Orthonormalises the d rows (length D) of {@code q} in place, in order, by blocked CGS2. */
    static void orthonormalise(float[] q, int ambient, int dim) {
        float[] coef = new float[BLOCK * Math.max(1, dim)];
        try (Parallelism par = Parallelism.single()) {
            for (int s = 0; s < dim; s += BLOCK) {
                int b = Math.min(BLOCK, dim - s);
                for (int pass = 0; pass < 2 && s > 0; pass++) {
                    // C (b×s) = block · previousᵀ; block −= C · previous
                    Sgemm.gemm(false, true, b, s, ambient, q, s * ambient, ambient, q, 0, ambient, 0f, coef, 0, s, par);
                    for (int i = 0; i < b * s; i++) {
                        coef[i] = -coef[i];
                    }
                    Sgemm.gemm(false, false, b, ambient, s, coef, 0, s, q, 0, ambient, 1f, q, s * ambient, ambient, par);
                }
                for (int i = s; i < s + b; i++) {
                    for (int pass = 0; pass < 2; pass++) {
                        for (int k = s; k < i; k++) {
                            float r = DenseKernels.dot(q, i * ambient, q, k * ambient, ambient);
                            DenseKernels.axpy(-r, q, k * ambient, q, i * ambient, ambient);
                        }
                    }
                    double norm = Math.sqrt(DenseKernels.sumSquares(q, i * ambient, ambient));
                    if (!(norm > 1e-6)) {
                        throw new IllegalStateException("dense-qr projection: column " + i
                                + " is linearly dependent on the previous ones");
                    }
                    DenseKernels.scale(q, i * ambient, ambient, (float) (1 / norm));
                }
            }
        }
    }
}
