package dev.connectome.nas.es;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Fitness shaping shared by the estool-style strategies (hardmaru/estool es.py). */
public final class Shaping {
    private Shaping() {
    }

    /**
     * Centred ranks: the solution of rank r (0 = lowest fitness) gets r/(P−1) − 0.5, in [−0.5, 0.5].
     * Ties are broken by index (lower index gets the lower rank), a stable version of numpy's argsort.
     */
    public static double[] centeredRanks(double[] fitness) {
        int n = fitness.length;
        double[] out = new double[n];
        if (n == 1) {
            return out;
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> fitness[i]));
        for (int r = 0; r < n; r++) {
            out[order[r]] = (double) r / (n - 1) - 0.5;
        }
        return out;
    }

    /** Adds −decay · mean_j(θ_j²) of each solution to its reward, in place (estool compute_weight_decay). */
    public static void addWeightDecay(double[] reward, float[][] solutions, double decay) {
        if (decay <= 0) {
            return;
        }
        for (int i = 0; i < reward.length; i++) {
            float[] s = solutions[i];
            double sq = 0;
            for (float v : s) {
                sq += (double) v * v;
            }
            reward[i] -= decay * sq / s.length;
        }
    }

    /** Index of the largest value (the first one on ties). */
    static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    static void checkFitness(double[] fitness, int expected, String who) {
        if (fitness == null || fitness.length != expected) {
            throw new IllegalArgumentException(who + ": expected " + expected + " fitness values, got "
                    + (fitness == null ? "null" : fitness.length));
        }
        for (int i = 0; i < fitness.length; i++) {
            if (Double.isNaN(fitness[i])) {
                throw new IllegalArgumentException(who + ": fitness of solution " + i + " is NaN");
            }
        }
    }
}
