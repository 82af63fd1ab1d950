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
 * <p>Work is split into (chunk of data, block of grid rows) tasks handed to
 * {@link LandscapeObjective#accumulatePlane}, so a chunk's data is read from cache rather than memory
 * for each of the evaluations, and an objective can exploit that the points form a plane (see
 * {@link LandscapeGraphLoss}). Partial sums are combined in a fixed order (chunk by chunk, in double),
 * so the result does not depend on the number of threads.
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
        float[] a = new float[n];
        for (int k = 0; k < n; k++) {
            a[k] = (float) (sigma * alphas[k]);
        }
        // Tasks are (chunk, block of rows): whole chunks when there are enough of them to keep every
        // thread busy (an objective may prepare a chunk once per task), row blocks otherwise.
        int blocks = Math.min(n, Math.max(1, (4 * par.threads() + chunks - 1) / chunks));
        int rowsPerBlock = (n + blocks - 1) / blocks;
        // partial[c][i] holds (loss, correct, count) for j = 0..n-1 of row i on chunk c.
        double[][][] partial = new double[chunks][n][];
        par.forEach(chunks * blocks, t -> {
            int c = t / blocks;
            int from = t % blocks * rowsPerBlock;
            int to = Math.min(n, from + rowsPerBlock);
            if (from >= to) {
                return;
            }
            double[] acc = new double[3 * n * (to - from)];
            objective.accumulatePlane(c, centre, d1, d2, java.util.Arrays.copyOfRange(a, from, to), a, acc);
            for (int i = from; i < to; i++) {
                partial[c][i] = java.util.Arrays.copyOfRange(acc, 3 * n * (i - from), 3 * n * (i - from + 1));
            }
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
