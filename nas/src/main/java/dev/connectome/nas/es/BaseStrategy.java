package dev.connectome.nas.es;

/**
 * The bookkeeping CMA-ES, OpenAI-ES and PEPG share: dimension, the asked population, the tracked best
 * solution and the generation count, with their {@link EvolutionStrategy} accessors, plus the small
 * array helpers of the ask/tell loop. Subclasses decide when the best changes and when a generation ends.
 */
abstract class BaseStrategy implements EvolutionStrategy {
    /** Number of parameters. */
    final int n;
    /** The population of the last {@code ask}, null once told. */
    float[][] solutions;
    float[] best;
    double bestFitness = Double.NEGATIVE_INFINITY;
    int generation;

    BaseStrategy(int dimension) {
        this.n = checkDimension(dimension);
    }

    static int checkDimension(int d) {
        if (d < 1) {
            throw new IllegalArgumentException("ES dimension must be >= 1, got " + d);
        }
        return d;
    }

    /** Keeps {@code population} as the asked one and returns a copy the caller may keep. */
    final float[][] asked(float[][] population) {
        solutions = population;
        return copy(population);
    }

    /** Throws unless a population is waiting for its fitness ({@code name} names the strategy). */
    final void requireAsked(String name) {
        if (solutions == null) {
            throw new IllegalStateException(name + ": tell() without a preceding ask()");
        }
    }

    /** Makes asked solution {@code index}, with raw fitness {@code fitness}, the tracked best. */
    final void setBest(int index, double fitness) {
        best = solutions[index].clone();
        bestFitness = fitness;
    }

    @Override
    public final float[] best() {
        return best == null ? mean() : best.clone();
    }

    @Override
    public final double bestFitness() {
        return bestFitness;
    }

    @Override
    public final int dimension() {
        return n;
    }

    @Override
    public final int generation() {
        return generation;
    }

    static float[] toFloat(double[] v) {
        float[] out = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = (float) v[j];
        }
        return out;
    }

    static float[][] copy(float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
        }
        return out;
    }

    static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /** Population standard deviation (numpy's default ddof=0). */
    static double std(double[] v) {
        double m = mean(v);
        double sq = 0;
        for (double x : v) {
            sq += (x - m) * (x - m);
        }
        return Math.sqrt(sq / v.length);
    }
}
