package dev.connectome.nas.graph;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Random genomes for tests: an initial genome followed by a chain of mutations. */
final class Genomes {
    /** Every activation id, for evaluator checks. */
    static final MutationSettings ALL = new MutationSettings(0.3, 0.3, 0.1, 0.3, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
    /** Smooth activations only (finite-difference checks, equality away from discontinuities). */
    static final MutationSettings SMOOTH = new MutationSettings(0.3, 0.3, 0.1, 0.3, new int[] {1, 3, 4, 5, 6, 7, 10, 11});

    private Genomes() {
    }

    static NeuronGraph random(int inputs, int outputs, int mutations, MutationSettings s, long seed) {
        RandomGenerator rng = new SplittableRandom(seed);
        NeuronGraph g = NeuronGraph.initial(inputs, outputs, 0.5, rng);
        for (int i = 0; i < mutations; i++) {
            g = Mutations.mutate(g, s, rng);
        }
        return g;
    }

    static float[] uniform(int n, float lo, float hi, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (lo + (hi - lo) * rng.nextDouble());
        }
        return x;
    }
}
