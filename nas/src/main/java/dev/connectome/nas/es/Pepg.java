package dev.connectome.nas.es;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Parameter-exploring policy gradients (Sehnke et al. 2010) as implemented in hardmaru/estool
 * (es.py {@code PEPG}), the optimizer that trained the WANN paper's weights: symmetric sampling
 * around μ with a per-parameter σ, centred-rank fitness, L2 weight decay on the rewards, Adam
 * (β1 0.99) on μ, a clipped σ update and σ/learning-rate annealing. See {@code reference/pepg.md}.
 *
 * <p>Not thread-safe; evaluate the asked population in parallel, then tell from one thread.
 */
public final class Pepg extends BaseStrategy {
    private final PepgSettings s;
    private final RandomGenerator rng;
    private final int batch;
    private final double[] mu;
    private final double[] sigma;
    private final EsAdam adam;
    private double learningRate;
    /** This generation's perturbations ε_i (i &lt; batch), already scaled by σ. */
    private double[][] epsilon;
    private double bestShaped = Double.NEGATIVE_INFINITY;

    /** μ starts at zero, as in estool. */
    public Pepg(int dimension, PepgSettings settings, RandomGenerator rng) {
        this(new float[checkDimension(dimension)], settings, rng);
    }

    /** μ starts at {@code initialMean} (copied). */
    public Pepg(float[] initialMean, PepgSettings settings, RandomGenerator rng) {
        super(initialMean.length);
        this.s = settings;
        this.rng = rng;
        this.batch = settings.averageBaseline() ? settings.populationSize() / 2 : (settings.populationSize() - 1) / 2;
        this.mu = new double[n];
        for (int j = 0; j < n; j++) {
            mu[j] = initialMean[j];
        }
        this.sigma = new double[n];
        Arrays.fill(sigma, settings.sigmaInit());
        this.adam = new EsAdam(n, 0.99, 0.999, 1e-8);
        this.learningRate = settings.learningRate();
    }

    public PepgSettings settings() {
        return s;
    }

    @Override
    public float[][] ask() {
        epsilon = new double[batch][n];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < n; j++) {
                epsilon[i][j] = rng.nextGaussian() * sigma[j];
            }
        }
        int offset = s.averageBaseline() ? 0 : 1;
        solutions = new float[s.populationSize()][n];
        if (offset == 1) {
            solutions[0] = toFloat(mu);
        }
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < n; j++) {
                solutions[offset + i][j] = (float) (mu[j] + epsilon[i][j]);
                solutions[offset + batch + i][j] = (float) (mu[j] - epsilon[i][j]);
            }
        }
        return asked(solutions);
    }

    @Override
    public void tell(double[] fitness) {
        requireAsked("PEPG");
        Shaping.checkFitness(fitness, solutions.length, "PEPG");
        double[] table = s.rankFitness() ? Shaping.centeredRanks(fitness) : fitness.clone();
        Shaping.addWeightDecay(table, solutions, s.weightDecay());

        int offset = s.averageBaseline() ? 0 : 1;
        double b = s.averageBaseline() ? mean(table) : table[0];
        double[] reward = Arrays.copyOfRange(table, offset, table.length);

        trackBest(fitness, reward, b, offset);

        if (s.eliteRatio() > 0) {
            moveToElite(reward);
        } else {
            // Adam is handed −g and steps along +g (estool: optimizer.update(-change_mu)).
            double[] minusG = new double[n];
            for (int i = 0; i < batch; i++) {
                double r = reward[i] - reward[batch + i];
                for (int j = 0; j < n; j++) {
                    minusG[j] -= r * epsilon[i][j];
                }
            }
            adam.update(mu, minusG, learningRate);
        }

        if (s.sigmaAlpha() > 0) {
            updateSigma(reward, b);
        }
        if (s.sigmaDecay() < 1) {
            for (int j = 0; j < n; j++) {
                if (sigma[j] > s.sigmaLimit()) {
                    sigma[j] *= s.sigmaDecay();
                }
            }
        }
        if (s.learningRateDecay() < 1 && learningRate > s.learningRateLimit()) {
            learningRate *= s.learningRateDecay();
        }
        solutions = null;
        epsilon = null;
        generation++;
    }

    /**
     * Δσ_j = Σ_i rS_i · (ε_ij² − σ_j²)/σ_j / (2·B·stdev), rS_i = (r_i⁺ + r_i⁻)/2 − b; the change
     * α·Δσ is clipped to ±maxChange·σ_j. Uses the σ the perturbations were drawn with.
     */
    private void updateSigma(double[] reward, double b) {
        double stdev = s.rankFitness() ? 1.0 : std(reward);
        if (stdev == 0) {
            return; // all rewards equal: no information about σ (estool would divide by zero)
        }
        double[] delta = new double[n];
        for (int i = 0; i < batch; i++) {
            double rS = (reward[i] + reward[batch + i]) / 2.0 - b;
            double[] e = epsilon[i];
            for (int j = 0; j < n; j++) {
                delta[j] += rS * (e[j] * e[j] - sigma[j] * sigma[j]) / sigma[j];
            }
        }
        for (int j = 0; j < n; j++) {
            double change = s.sigmaAlpha() * delta[j] / (2.0 * batch * stdev);
            double limit = s.sigmaMaxChange() * sigma[j];
            change = Math.max(-limit, Math.min(limit, change));
            sigma[j] += change;
        }
    }

    private void moveToElite(double[] reward) {
        int elite = Math.max(1, (int) (s.eliteRatio() * s.populationSize()));
        Integer[] order = new Integer[reward.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, c) -> Double.compare(reward[c], reward[a]));
        double[] step = new double[n];
        for (int k = 0; k < Math.min(elite, order.length); k++) {
            int i = order[k];
            double sign = i < batch ? 1 : -1;
            double[] e = epsilon[i % batch];
            for (int j = 0; j < n; j++) {
                step[j] += sign * e[j];
            }
        }
        int count = Math.min(elite, order.length);
        for (int j = 0; j < n; j++) {
            mu[j] += step[j] / count;
        }
    }

    /** estool: the current best is μ + ε of the best shaped reward (or μ itself if that beats it without average baseline). */
    private void trackBest(double[] fitness, double[] reward, double b, int offset) {
        int top = Shaping.argMax(reward);
        int bestIndex;
        double shaped;
        if (reward[top] > b || s.averageBaseline()) {
            bestIndex = offset + top;
            shaped = reward[top];
        } else {
            bestIndex = 0; // μ
            shaped = b;
        }
        if (generation == 0 || s.forgetBest() || shaped > bestShaped) {
            setBest(bestIndex, fitness[bestIndex]);
            bestShaped = shaped;
        }
    }

    @Override
    public float[] mean() {
        return toFloat(mu);
    }

    /** Current per-parameter σ (a copy). */
    public double[] sigma() {
        return sigma.clone();
    }

    /** Current learning rate of μ. */
    public double learningRate() {
        return learningRate;
    }

    @Override
    public int populationSize() {
        return s.populationSize();
    }
}
