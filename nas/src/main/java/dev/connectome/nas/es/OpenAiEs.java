package dev.connectome.nas.es;

import java.util.random.RandomGenerator;

/**
 * OpenAI's evolution strategy (Salimans et al., "Evolution Strategies as a Scalable Alternative to
 * Reinforcement Learning", 2017) in estool's form (es.py {@code OpenES}): isotropic Gaussian
 * perturbations, optionally mirrored, centred-rank fitness with L2 decay, the normalised reward
 * gradient g = Σ_i ẑ_i ε_i / (P σ) followed by Adam (β1 0.99), σ and learning-rate annealing.
 */
public final class OpenAiEs extends BaseStrategy {
    private final OpenAiEsSettings s;
    private final RandomGenerator rng;
    private final double[] mu;
    private final EsAdam adam;
    private double sigma;
    private double learningRate;
    private double[][] noise;

    /** μ starts at zero, as in estool. */
    public OpenAiEs(int dimension, OpenAiEsSettings settings, RandomGenerator rng) {
        this(new float[dimension], settings, rng);
    }

    public OpenAiEs(float[] initialMean, OpenAiEsSettings settings, RandomGenerator rng) {
        super(initialMean.length);
        this.s = settings;
        this.rng = rng;
        this.mu = new double[n];
        for (int j = 0; j < n; j++) {
            mu[j] = initialMean[j];
        }
        this.adam = new EsAdam(n, 0.99, 0.999, 1e-8);
        this.sigma = settings.sigmaInit();
        this.learningRate = settings.learningRate();
    }

    @Override
    public float[][] ask() {
        int p = s.populationSize();
        noise = new double[p][];
        int drawn = s.antithetic() ? p / 2 : p;
        for (int i = 0; i < drawn; i++) {
            double[] e = new double[n];
            for (int j = 0; j < n; j++) {
                e[j] = rng.nextGaussian();
            }
            noise[i] = e;
            if (s.antithetic()) {
                double[] neg = new double[n];
                for (int j = 0; j < n; j++) {
                    neg[j] = -e[j];
                }
                noise[drawn + i] = neg;
            }
        }
        solutions = new float[p][n];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < n; j++) {
                solutions[i][j] = (float) (mu[j] + sigma * noise[i][j]);
            }
        }
        return asked(solutions);
    }

    @Override
    public void tell(double[] fitness) {
        requireAsked("OpenAI-ES");
        int p = s.populationSize();
        Shaping.checkFitness(fitness, p, "OpenAI-ES");
        double[] reward = s.rankFitness() ? Shaping.centeredRanks(fitness) : fitness.clone();
        Shaping.addWeightDecay(reward, solutions, s.weightDecay());

        int top = Shaping.argMax(reward);
        setBest(top, fitness[top]); // estool forgets the best under rank fitness

        double m = mean(reward);
        double sd = std(reward);
        if (sd > 0) {
            double[] minusG = new double[n];
            double scale = 1.0 / (p * sigma * sd);
            for (int i = 0; i < p; i++) {
                double z = (reward[i] - m) * scale;
                double[] e = noise[i];
                for (int j = 0; j < n; j++) {
                    minusG[j] -= z * e[j];
                }
            }
            adam.update(mu, minusG, learningRate);
        }
        if (sigma > s.sigmaLimit()) {
            sigma *= s.sigmaDecay();
        }
        if (learningRate > s.learningRateLimit()) {
            learningRate *= s.learningRateDecay();
        }
        solutions = null;
        noise = null;
        generation++;
    }

    public double sigma() {
        return sigma;
    }

    @Override
    public float[] mean() {
        return toFloat(mu);
    }

    @Override
    public int populationSize() {
        return s.populationSize();
    }

}
