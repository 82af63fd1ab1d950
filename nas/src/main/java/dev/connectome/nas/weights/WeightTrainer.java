package dev.connectome.nas.weights;

import dev.connectome.engine.Parallelism;

/** Trains a genome's per-connection weights; implementations are registered in {@link WeightTrainers}. */
public interface WeightTrainer {

    /** Short id, e.g. "adam", "pepg". */
    String id();

    /**
     * One training run. {@code par} is used inside the run (population or evaluation); to run seeds
     * in parallel, give each run {@link Parallelism#single()}.
     */
    TrainingRun train(WeightsTask task, long seed, Parallelism par, Listener listener);

    /** Sees each checkpoint as it is made (may be called from the training thread). */
    @FunctionalInterface
    interface Listener {
        Listener NONE = (id, seed, c) -> { };

        void onCheckpoint(String trainer, long seed, Checkpoint c);
    }
}
