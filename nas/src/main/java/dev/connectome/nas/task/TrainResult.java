package dev.connectome.nas.task;

import java.util.List;

/**
 * The outcome of a training run. A run whose loss became NaN or infinite stops at that step and
 * reports {@link Status#DIVERGED} with a message naming where; the model is left as it was then.
 *
 * @param status     how the run ended
 * @param epochs     one summary per completed epoch
 * @param validation metrics on the validation set after the last completed epoch (empty when none)
 * @param failure    why the run stopped early, or null
 * @param seconds    wall time of the whole run
 */
public record TrainResult(Status status, List<TrainingListener.EpochSummary> epochs, Metrics validation,
                          String failure, double seconds) {

    /** How a run ended. */
    public enum Status {
        COMPLETED, DIVERGED
    }

    public TrainResult {
        epochs = List.copyOf(epochs);
    }

    public boolean completed() {
        return status == Status.COMPLETED;
    }
}
