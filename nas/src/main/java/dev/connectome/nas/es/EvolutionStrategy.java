package dev.connectome.nas.es;

/**
 * A black-box optimizer over {@code float[]} with an ask/tell loop; fitness is <em>maximised</em>.
 *
 * <p>Each generation: {@link #ask()} returns the population to evaluate, then {@link #tell(double[])}
 * receives one fitness per solution, in the order they were asked. Implementations draw all their
 * randomness from the generator they were built with, inside {@code ask}, so the same seed gives the
 * same sequence of populations however the fitness values were computed (e.g. in parallel with
 * {@link Population#evaluate}).
 */
public interface EvolutionStrategy {

    /** The next population; rows are fresh arrays the caller may keep. */
    float[][] ask();

    /** Fitness (higher is better) of each solution of the last {@link #ask()}, in the same order. */
    void tell(double[] fitness);

    /** The current centre of the search distribution (a copy). */
    float[] mean();

    /**
     * The best solution as this strategy tracks it (a copy): for PEPG and OpenAI-ES with rank fitness
     * this is the best of the last generation (estool's forget_best), for CMA-ES the best ever seen.
     * Before the first {@code tell} it is the mean.
     */
    float[] best();

    /** Raw fitness of {@link #best()}; negative infinity before the first {@code tell}. */
    double bestFitness();

    /** Number of parameters. */
    int dimension();

    /** Number of solutions each {@link #ask()} returns. */
    int populationSize();

    /** Generations told so far. */
    int generation();
}
