package dev.connectome.nas.score;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.nn.Module;
import dev.connectome.nas.data.ImageBatches;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What a {@link ZeroCostScore} gets: the candidate, the input batch, the seed of the network's
 * initial weights (every score builds its network from this seed, so scores of one candidate see the
 * same initialisation) and the threads its kernels may use.
 */
public record ScoreInput(ScoredNetwork network, ImageBatches.Batch batch, long seed, Parallelism parallelism) {
    public ScoreInput {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(parallelism, "parallelism");
    }

    /** The candidate built from {@link #seed()}, in training mode (as a freshly made PyTorch module). */
    public Module build(int classes, boolean batchNorm) {
        Module m = network.build(classes, batchNorm, new SplittableRandom(seed));
        m.train(true);
        return m;
    }

    /** Number of classes of the batch's data set (the head size for loss-based scores). */
    public int classes() {
        return batch.classes();
    }
}
