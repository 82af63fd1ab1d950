package dev.connectome.nas.evaluate;

import dev.connectome.engine.Parallelism;
import java.util.random.RandomGenerator;

/**
 * The live handle an evaluator gets for one trial: its own random generator (derived from the study
 * seed and trial number), the threads it may use, and a way to report intermediate values.
 */
public interface TrialContext {

    /** Trial number within its study. */
    int number();

    /** This trial's generator; same study seed and number ⇒ same stream. */
    RandomGenerator random();

    /** Threads for engine work; single when trials run in parallel. */
    Parallelism parallelism();

    /** Reports an intermediate value (e.g. accuracy after an epoch); stored with the trial. */
    void reportIntermediate(int step, double value);

    /** A context detached from any study (for direct evaluation and tests). */
    static TrialContext detached(int number, RandomGenerator random, Parallelism parallelism) {
        return new TrialContext() {
            @Override
            public int number() {
                return number;
            }

            @Override
            public RandomGenerator random() {
                return random;
            }

            @Override
            public Parallelism parallelism() {
                return parallelism;
            }

            @Override
            public void reportIntermediate(int step, double value) {
                // detached: nowhere to report
            }
        };
    }
}
