package dev.connectome.nas.task.control;

import java.util.random.RandomGenerator;

/**
 * A reinforcement-learning style control problem: observations in, continuous actions out, a reward
 * per step. A new control task is one class implementing this interface (plus its test); evaluators
 * drive it through {@link Environment} without knowing its physics.
 */
public interface ControlTask {

    /** Short id, e.g. "swingup". */
    String id();

    /** Length of an observation vector. */
    int observationSize();

    /** Length of an action vector. */
    int actionSize();

    /** Step limit of an episode. */
    int maxSteps();

    /** A fresh environment, reset from {@code rng} (the only randomness of the episode). */
    Environment reset(RandomGenerator rng);

    /** One running episode; not thread-safe (one per thread). */
    interface Environment {

        /** Writes the current observation into {@code out[off .. off + observationSize)}. */
        void observe(float[] out, int off);

        /**
         * Applies {@code action[off .. off + actionSize)} for one step and returns the step's reward.
         * Calling it after {@link #done()} is an error.
         */
        double step(float[] action, int off);

        /** True once the episode has ended (failure or time limit). */
        boolean done();

        /** Steps taken so far. */
        int steps();
    }
}
