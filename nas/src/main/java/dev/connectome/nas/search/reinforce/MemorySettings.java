package dev.connectome.nas.search.reinforce;

/**
 * The architecture-memory regulariser of seed 002 (controller-nas.md): after {@code startEpoch} epochs,
 * at the end of every epoch sample {@code perEpoch} architectures from the controller into a buffer
 * (until it holds {@code capacity}; when full, {@code replacePerEpoch} random entries are replaced per
 * epoch); from epoch {@code supervisedFromEpoch} on, every controller update adds
 * {@code weight · L_sup}, the teacher-forced negative log-likelihood of {@code supervisedBatch}
 * buffered architectures (next-choice prediction), to the policy-gradient loss.
 *
 * @param updatesPerEpoch controller updates that make one epoch
 */
public record MemorySettings(int updatesPerEpoch, int startEpoch, int perEpoch, int capacity, int replacePerEpoch,
                             int supervisedFromEpoch, int supervisedBatch, double weight) {

    public MemorySettings {
        if (updatesPerEpoch < 1 || perEpoch < 1 || capacity < 1 || supervisedBatch < 1) {
            throw new IllegalArgumentException("memory regulariser sizes must be >= 1: updatesPerEpoch=" + updatesPerEpoch
                    + ", perEpoch=" + perEpoch + ", capacity=" + capacity + ", supervisedBatch=" + supervisedBatch);
        }
        if (startEpoch < 0 || supervisedFromEpoch < 0 || replacePerEpoch < 0) {
            throw new IllegalArgumentException("memory regulariser epochs and replacements must be >= 0");
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("memory regulariser weight must be >= 0, got " + weight);
        }
    }

    /** The seed's numbers (start 5, 1000 per epoch, 10,000 max, replace 100, L_sup from epoch 10 on 100 samples). */
    public static MemorySettings seed002(int updatesPerEpoch) {
        return new MemorySettings(updatesPerEpoch, 5, 1000, 10_000, 100, 10, 100, 1.0);
    }
}
