package dev.connectome.nas.task;

/**
 * Observes a training run: called on the training thread after every optimizer step and at the end
 * of every epoch. Listeners decide how often to show anything; the trainer never prints.
 */
public interface TrainingListener {
    /** Called once before the first step. */
    default void onStart(int epochs, int stepsPerEpoch, int trainSamples) {
    }

    /** Called after each optimizer step. */
    default void onStep(StepProgress progress) {
    }

    /** Called after each epoch, with validation metrics when there is a validation set. */
    default void onEpoch(EpochSummary summary) {
    }

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return new TrainingListener() {
        };
    }

    /**
     * Progress within an epoch.
     *
     * @param epoch         1-based epoch number
     * @param step          1-based step number within the epoch
     * @param steps         steps in this epoch
     * @param meanLoss      mean training loss over this epoch's steps so far
     * @param accuracy      training accuracy over this epoch's samples so far
     * @param samplesPerSec training throughput over this epoch so far
     */
    record StepProgress(int epoch, int epochs, int step, int steps, double meanLoss, double accuracy,
                        double samplesPerSec) {
    }

    /**
     * The result of one epoch. Validation values are NaN when there is no validation set.
     *
     * @param seconds wall time of the epoch including validation
     */
    record EpochSummary(int epoch, int epochs, double trainLoss, double trainAccuracy, double validationLoss,
                        double validationAccuracy, double learningRate, double samplesPerSec, double seconds) {
        public boolean hasValidation() {
            return !Double.isNaN(validationAccuracy);
        }
    }
}
