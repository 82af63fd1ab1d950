package dev.connectome.nas.es;

/**
 * OpenAI-ES settings (Salimans et al. 2017) with estool's names and defaults (es.py {@code OpenES}).
 *
 * @param sigmaInit isotropic σ of the perturbations
 * @param sigmaDecay σ is multiplied by this each generation while above {@code sigmaLimit}
 * @param sigmaLimit lower bound for the σ decay
 * @param learningRate Adam step size
 * @param learningRateDecay multiplies the learning rate each generation while above the limit
 * @param learningRateLimit lower bound for the learning-rate decay
 * @param populationSize solutions per generation (even when antithetic)
 * @param antithetic mirrored sampling: the second half of the noise is the negated first half
 * @param weightDecay rewards get −weightDecay · mean(θ²)
 * @param rankFitness replace rewards by centred ranks
 */
public record OpenAiEsSettings(double sigmaInit, double sigmaDecay, double sigmaLimit, double learningRate,
                               double learningRateDecay, double learningRateLimit, int populationSize,
                               boolean antithetic, double weightDecay, boolean rankFitness) {

    public OpenAiEsSettings {
        PepgSettings.positive("sigmaInit", sigmaInit);
        PepgSettings.fraction("sigmaDecay", sigmaDecay);
        PepgSettings.nonNegative("sigmaLimit", sigmaLimit);
        PepgSettings.positive("learningRate", learningRate);
        PepgSettings.fraction("learningRateDecay", learningRateDecay);
        PepgSettings.nonNegative("learningRateLimit", learningRateLimit);
        PepgSettings.nonNegative("weightDecay", weightDecay);
        if (populationSize < 2 || (antithetic && populationSize % 2 != 0)) {
            throw new IllegalArgumentException("OpenAI-ES populationSize must be >= 2 (and even when antithetic), got "
                    + populationSize);
        }
    }

    /** estool's defaults: σ 0.1 (decay 0.999 to 0.01), lr 0.01 (decay 0.9999 to 0.001), population 256, wd 0.01, ranks. */
    public static OpenAiEsSettings defaults() {
        return new OpenAiEsSettings(0.1, 0.999, 0.01, 0.01, 0.9999, 0.001, 256, false, 0.01, true);
    }

    public OpenAiEsSettings withPopulationSize(int p) {
        return new OpenAiEsSettings(sigmaInit, sigmaDecay, sigmaLimit, learningRate, learningRateDecay,
                learningRateLimit, p, antithetic, weightDecay, rankFitness);
    }

    public OpenAiEsSettings withLearningRate(double lr, double decay, double limit) {
        return new OpenAiEsSettings(sigmaInit, sigmaDecay, sigmaLimit, lr, decay, limit, populationSize,
                antithetic, weightDecay, rankFitness);
    }

    public OpenAiEsSettings withSigma(double init, double decay, double limit) {
        return new OpenAiEsSettings(init, decay, limit, learningRate, learningRateDecay, learningRateLimit,
                populationSize, antithetic, weightDecay, rankFitness);
    }

    public OpenAiEsSettings withAntithetic(boolean a) {
        return new OpenAiEsSettings(sigmaInit, sigmaDecay, sigmaLimit, learningRate, learningRateDecay,
                learningRateLimit, populationSize, a, weightDecay, rankFitness);
    }

    public OpenAiEsSettings withWeightDecay(double wd) {
        return new OpenAiEsSettings(sigmaInit, sigmaDecay, sigmaLimit, learningRate, learningRateDecay,
                learningRateLimit, populationSize, antithetic, wd, rankFitness);
    }
}
