package dev.connectome.nas.analysis;

import dev.connectome.engine.Parallelism;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * 2-D loss landscapes around a solution x̂ (seed 000, after Li et al. 2018's random-direction plots):
 * f(α1, α2; σ) = L(x̂ + σα1δ1 + σα2δ2), with δ1, δ2 ~ N(0, I) drawn once from a seed and shared by
 * every solution and σ, so that plots of different solutions are comparable.
 *
 * <p>Work is split into (chunk of data, grid row) tasks: a task evaluates the whole row of α2 values
 * on one data chunk, so the chunk's inputs are read from cache rather than memory for each of the
 * 81 evaluations. Partial sums are combined in a fixed order, so the result does not depend on the
 * number of threads.
 */
public final class Landscape {
    private Landscape() {
    }

    /** δ1, δ2 ~ N(0, I) of length {@code dimension}, from {@code seed}. */
    public static float[][] directions(int dimension, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] d = new float[2][dimension];
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < dimension; j++) {
                d[k][j] = (float) rng.nextGaussian();
            }
        }
        return d;
    }

    /** Landscapes of one solution at every σ of {@code settings}. */
    public static List<LandscapeGrid> compute(String label, float[] centre, LandscapeSettings settings,
                                              LandscapeObjective objective, Parallelism par) {
        float[][] d = directions(centre.length, settings.seed());
        List<LandscapeGrid> out = new ArrayList<>();
        for (double sigma : settings.sigmas()) {
            out.add(compute(label, centre, d[0], d[1], sigma, settings.alphas(), objective, par));
        }
        return out;
    }

    /** One landscape: mean loss and accuracy of {@code objective} at every grid point. */
    public static LandscapeGrid compute(String label, float[] centre, float[] d1, float[] d2, double sigma,
                                        double[] alphas, LandscapeObjective objective, Parallelism par) {
        int dim = centre.length;
        if (d1.length != dim || d2.length != dim) {
            throw new IllegalArgumentException("landscape directions have " + d1.length + " and " + d2.length
                    + " values, the solution " + dim);
        }
        long start = System.nanoTime();
        int n = alphas.length;
        int chunks = objective.chunkCount();
        // partial[c][i] holds (loss, correct, count) for j = 0..n-1 of row i on chunk c.
        double[][][] partial = new double[chunks][n][];
        par.forEach(chunks * n, t -> {
            int c = t / n;
            int i = t % n;
            double[] acc = new double[3 * n];
            double[] one = new double[3];
            float[] w = new float[dim];
            float[] rowBase = new float[dim];
            float a1 = (float) (sigma * alphas[i]);
            for (int k = 0; k < dim; k++) {
                rowBase[k] = centre[k] + a1 * d1[k];
            }
            for (int j = 0; j < n; j++) {
                float a2 = (float) (sigma * alphas[j]);
                for (int k = 0; k < dim; k++) {
                    w[k] = rowBase[k] + a2 * d2[k];
                }
                one[0] = 0;
                one[1] = 0;
                one[2] = 0;
                objective.accumulate(c, w, one);
                acc[3 * j] = one[0];
                acc[3 * j + 1] = one[1];
                acc[3 * j + 2] = one[2];
            }
            partial[c][i] = acc;
        });
        double[][] loss = new double[n][n];
        double[][] accuracy = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double l = 0;
                double correct = 0;
                double count = 0;
                for (int c = 0; c < chunks; c++) {
                    l += partial[c][i][3 * j];
                    correct += partial[c][i][3 * j + 1];
                    count += partial[c][i][3 * j + 2];
                }
                loss[i][j] = l / count;
                accuracy[i][j] = correct / count;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new LandscapeGrid(label, sigma, alphas.clone(), loss, accuracy, seconds);
    }
}
