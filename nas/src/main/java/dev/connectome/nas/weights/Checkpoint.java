package dev.connectome.nas.weights;

/**
 * Accuracy and loss of a training run at one point: after an epoch (backprop) or a generation (ES).
 *
 * @param step epoch (1-based) or generation
 * @param seconds wall time since the run started
 */
public record Checkpoint(int step, double trainLoss, double trainAccuracy, double validationLoss,
                         double validationAccuracy, double testLoss, double testAccuracy, double seconds) {
}
