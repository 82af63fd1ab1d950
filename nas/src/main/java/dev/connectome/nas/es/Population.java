package dev.connectome.nas.es;

import dev.connectome.engine.Parallelism;

/** Evaluates a population in parallel; results land at their solution's index, so order is deterministic. */
public final class Population {
    private Population() {
    }

    /**
     * Fitness of one solution. {@code index} is the solution's position in the population, so an
     * evaluation that needs randomness (a minibatch, an episode seed) can derive it from the
     * generation and the index rather than from a shared generator.
     */
    @FunctionalInterface
    public interface Fitness {
        double evaluate(float[] solution, int index);
    }

    /** Fitness of every solution, evaluated with {@code par}; the fitness function must be thread-safe. */
    public static double[] evaluate(float[][] solutions, Fitness fitness, Parallelism par) {
        double[] out = new double[solutions.length];
        par.forEach(solutions.length, i -> out[i] = fitness.evaluate(solutions[i], i));
        return out;
    }

    /**
     * Runs {@code generations} ask/evaluate/tell rounds and returns the strategy's final best
     * fitness; {@code listener} (may be null) sees each generation's fitness values.
     */
    public static double optimize(EvolutionStrategy es, Fitness fitness, int generations, Parallelism par,
                                  GenerationListener listener) {
        for (int g = 0; g < generations; g++) {
            float[][] pop = es.ask();
            double[] f = evaluate(pop, fitness, par);
            es.tell(f);
            if (listener != null) {
                listener.onGeneration(es, f);
            }
        }
        return es.bestFitness();
    }

    /** Observer of an optimisation loop. */
    @FunctionalInterface
    public interface GenerationListener {
        void onGeneration(EvolutionStrategy es, double[] fitness);
    }
}
