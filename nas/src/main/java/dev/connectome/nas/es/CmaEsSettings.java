package dev.connectome.nas.es;

/**
 * CMA-ES settings. Learning rates and weights follow Hansen's tutorial ("The CMA Evolution Strategy:
 * A Tutorial", 2016, table 1) and are derived from the dimension; only the step size, population
 * and covariance model are chosen here.
 *
 * @param sigmaInit initial global step size σ
 * @param populationSize λ; 0 selects the default 4 + ⌊3 ln n⌋
 * @param covariance which covariance model to learn
 * @param fullLimit with {@link Covariance#AUTO}, the largest dimension that still gets a full matrix
 */
public record CmaEsSettings(double sigmaInit, int populationSize, Covariance covariance, int fullLimit) {

    /** Covariance model: full matrix (O(n²) memory, O(n³) eigendecompositions) or diagonal (sep-CMA-ES). */
    public enum Covariance { AUTO, FULL, SEPARABLE }

    public CmaEsSettings {
        PepgSettings.positive("sigmaInit", sigmaInit);
        if (populationSize != 0 && populationSize < 2) {
            throw new IllegalArgumentException("CMA-ES populationSize must be 0 (default) or >= 2, got " + populationSize);
        }
        if (covariance == null) {
            throw new IllegalArgumentException("CMA-ES covariance model must be given");
        }
        if (fullLimit < 1) {
            throw new IllegalArgumentException("CMA-ES fullLimit must be >= 1, got " + fullLimit);
        }
    }

    /** σ 0.5 (what the WANN README found best for swing-up fine-tuning), default λ, full matrix up to n = 200. */
    public static CmaEsSettings defaults() {
        return new CmaEsSettings(0.5, 0, Covariance.AUTO, 200);
    }

    public CmaEsSettings withSigma(double sigma) {
        return new CmaEsSettings(sigma, populationSize, covariance, fullLimit);
    }

    public CmaEsSettings withPopulationSize(int lambda) {
        return new CmaEsSettings(sigmaInit, lambda, covariance, fullLimit);
    }

    public CmaEsSettings withCovariance(Covariance c) {
        return new CmaEsSettings(sigmaInit, populationSize, c, fullLimit);
    }

    /** λ for dimension n. */
    public int lambda(int n) {
        return populationSize > 0 ? populationSize : 4 + (int) Math.floor(3 * Math.log(n));
    }

    /** Whether a problem of dimension n gets the full covariance matrix. */
    public boolean full(int n) {
        return switch (covariance) {
            case FULL -> true;
            case SEPARABLE -> false;
            case AUTO -> n <= fullLimit;
        };
    }
}
