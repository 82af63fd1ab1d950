package dev.connectome.nas.es;

/**
 * PEPG settings with estool's names and meanings (hardmaru/estool es.py {@code PEPG.__init__}).
 *
 * @param sigmaInit initial σ of every parameter
 * @param sigmaAlpha learning rate of σ (0 disables the σ update)
 * @param sigmaDecay σ_j is multiplied by this each generation while above {@code sigmaLimit}
 * @param sigmaLimit lower bound for σ decay
 * @param sigmaMaxChange a σ update changes σ_j by at most this fraction of σ_j
 * @param learningRate Adam step size for μ
 * @param learningRateDecay multiplies the learning rate each generation while above the limit
 * @param learningRateLimit lower bound for the learning-rate decay
 * @param eliteRatio if &gt; 0, μ moves by the mean of the elite perturbations instead of Adam
 * @param populationSize P; even when {@code averageBaseline}, odd otherwise (μ itself is solution 0)
 * @param averageBaseline baseline = mean reward (else the reward of μ)
 * @param weightDecay rewards get −weightDecay · mean(θ²)
 * @param rankFitness replace rewards by centred ranks (forces forgetBest)
 * @param forgetBest {@code best()} is the last generation's best rather than the best ever
 */
public record PepgSettings(double sigmaInit, double sigmaAlpha, double sigmaDecay, double sigmaLimit,
                           double sigmaMaxChange, double learningRate, double learningRateDecay,
                           double learningRateLimit, double eliteRatio, int populationSize,
                           boolean averageBaseline, double weightDecay, boolean rankFitness, boolean forgetBest) {

    public PepgSettings {
        positive("sigmaInit", sigmaInit);
        nonNegative("sigmaAlpha", sigmaAlpha);
        fraction("sigmaDecay", sigmaDecay);
        nonNegative("sigmaLimit", sigmaLimit);
        nonNegative("sigmaMaxChange", sigmaMaxChange);
        positive("learningRate", learningRate);
        fraction("learningRateDecay", learningRateDecay);
        nonNegative("learningRateLimit", learningRateLimit);
        if (!(eliteRatio >= 0 && eliteRatio <= 1)) {
            throw new IllegalArgumentException("PEPG eliteRatio must be in [0, 1], got " + eliteRatio);
        }
        nonNegative("weightDecay", weightDecay);
        if (averageBaseline && (populationSize < 2 || populationSize % 2 != 0)) {
            throw new IllegalArgumentException("PEPG populationSize must be even and >= 2 with an average baseline, got "
                    + populationSize);
        }
        if (!averageBaseline && (populationSize < 3 || populationSize % 2 != 1)) {
            throw new IllegalArgumentException("PEPG populationSize must be odd and >= 3 without an average baseline, got "
                    + populationSize);
        }
        if (rankFitness) {
            forgetBest = true; // as estool: ranks of different generations are not comparable
        }
    }

    /** estool's constructor defaults (population 256). */
    public static PepgSettings defaults() {
        return new PepgSettings(0.10, 0.20, 0.999, 0.01, 0.2, 0.01, 0.9999, 0.01, 0, 256, true, 0.01, true, true);
    }

    /**
     * What estool's and WANNTool's train.py pass: σ_alpha 0.2, σ limit 0.02, lr 0.01 without decay,
     * weight decay 0.005; σ_init, σ decay and the population come from the command line.
     */
    public static PepgSettings trainPy(double sigmaInit, double sigmaDecay, int populationSize) {
        return new PepgSettings(sigmaInit, 0.20, sigmaDecay, 0.02, 0.2, 0.01, 1.0, 0.01, 0, populationSize,
                true, 0.005, true, true);
    }

    /** WANNTool's defaults: σ_init 0.10, σ decay 0.999, population 64. */
    public static PepgSettings wannTool() {
        return trainPy(0.10, 0.999, 64);
    }

    public PepgSettings withPopulationSize(int p) {
        return new PepgSettings(sigmaInit, sigmaAlpha, sigmaDecay, sigmaLimit, sigmaMaxChange, learningRate,
                learningRateDecay, learningRateLimit, eliteRatio, p, averageBaseline, weightDecay, rankFitness, forgetBest);
    }

    public PepgSettings withLearningRate(double lr) {
        return new PepgSettings(sigmaInit, sigmaAlpha, sigmaDecay, sigmaLimit, sigmaMaxChange, lr,
                learningRateDecay, learningRateLimit, eliteRatio, populationSize, averageBaseline, weightDecay,
                rankFitness, forgetBest);
    }

    public PepgSettings withSigma(double init, double decay, double limit) {
        return new PepgSettings(init, sigmaAlpha, decay, limit, sigmaMaxChange, learningRate,
                learningRateDecay, learningRateLimit, eliteRatio, populationSize, averageBaseline, weightDecay,
                rankFitness, forgetBest);
    }

    public PepgSettings withWeightDecay(double wd) {
        return new PepgSettings(sigmaInit, sigmaAlpha, sigmaDecay, sigmaLimit, sigmaMaxChange, learningRate,
                learningRateDecay, learningRateLimit, eliteRatio, populationSize, averageBaseline, wd,
                rankFitness, forgetBest);
    }

    public PepgSettings withRankFitness(boolean rank) {
        return new PepgSettings(sigmaInit, sigmaAlpha, sigmaDecay, sigmaLimit, sigmaMaxChange, learningRate,
                learningRateDecay, learningRateLimit, eliteRatio, populationSize, averageBaseline, weightDecay,
                rank, forgetBest);
    }

    static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
        }
    }

    static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
        }
    }

    static void fraction(String name, double v) {
        if (!(v > 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + v);
        }
    }
}
