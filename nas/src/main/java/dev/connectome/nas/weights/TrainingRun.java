package dev.connectome.nas.weights;

import java.util.List;

/**
 * The outcome of training one genome's weights with one seed.
 *
 * @param method e.g. "adam", "pepg"
 * @param weights the final weights (GraphNet order)
 * @param bestWeights the weights at the checkpoint with the highest validation accuracy
 * @param bestIndex index of that checkpoint in {@code checkpoints}
 */
public record TrainingRun(String method, long seed, float[] weights, float[] bestWeights, int bestIndex,
                          List<Checkpoint> checkpoints) {
    public TrainingRun {
        checkpoints = List.copyOf(checkpoints);
    }

    public Checkpoint last() {
        return checkpoints.get(checkpoints.size() - 1);
    }

    public Checkpoint best() {
        return checkpoints.get(bestIndex);
    }
}
