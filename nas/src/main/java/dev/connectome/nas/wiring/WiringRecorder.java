package dev.connectome.nas.wiring;

import dev.connectome.nas.task.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * A training listener that snapshots a {@link WiredModule}'s wiring every {@code everySteps}
 * optimizer steps and after every epoch (and can take one before training, {@link #recordInitial}),
 * forwarding every event to another listener.
 */
public final class WiringRecorder implements TrainingListener {
    private final WiredModule model;
    private final int everySteps;
    private final TrainingListener next;
    private final List<WiringSnapshot> snapshots = new ArrayList<>();
    private long step;
    private long lastRecorded = -1;
    private double lastAccuracy = Double.NaN;

    /**
     * @param everySteps snapshot interval in optimizer steps; 0 records only at epoch ends
     * @param next       receives every event too (e.g. a progress bar); {@link TrainingListener#none()} for none
     */
    public WiringRecorder(WiredModule model, int everySteps, TrainingListener next) {
        if (everySteps < 0) {
            throw new IllegalArgumentException("snapshot interval must be >= 0 steps, got " + everySteps);
        }
        this.model = model;
        this.everySteps = everySteps;
        this.next = next;
    }

    /** Records the wiring before training (the flags of a forward pass on the untrained model). */
    public void recordInitial() {
        take(0, Double.NaN);
    }

    @Override
    public void onStart(int epochs, int stepsPerEpoch, int trainSamples) {
        next.onStart(epochs, stepsPerEpoch, trainSamples);
    }

    @Override
    public void onStep(StepProgress p) {
        step++;
        lastAccuracy = p.accuracy();
        if (everySteps > 0 && step % everySteps == 0) {
            take(p.epoch(), p.accuracy());
        }
        next.onStep(p);
    }

    @Override
    public void onEpoch(EpochSummary s) {
        take(s.epoch(), s.trainAccuracy());
        next.onEpoch(s);
    }

    private void take(int epoch, double accuracy) {
        if (lastRecorded == step && !snapshots.isEmpty()) {
            return;
        }
        snapshots.add(model.snapshot(step, epoch, accuracy));
        lastRecorded = step;
    }

    /** The snapshots so far, in order. */
    public List<WiringSnapshot> snapshots() {
        return List.copyOf(snapshots);
    }

    /** The history for the viewer. */
    public WiringHistory history(String title) {
        return new WiringHistory(title, model.layout(), snapshots);
    }
}
