package dev.connectome.nas.score;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.nn.Module;
import dev.connectome.nas.data.ImageBatches;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What a {@link ZeroCostScore} gets: the candidate, the input batch, the seed of the network's
 * initial weights (every score builds its network from this seed, so scores of one candidate see the
 * same initialisation), the threads its kernels may use and, optionally, a pool of training tapes
 * shared with the candidates scored before (null: every score makes its own tape).
 */
public record ScoreInput(ScoredNetwork network, ImageBatches.Batch batch, long seed, Parallelism parallelism,
                         TapePool tapes) {
    public ScoreInput {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(parallelism, "parallelism");
    }

    /** Without a tape pool. */
    public ScoreInput(ScoredNetwork network, ImageBatches.Batch batch, long seed, Parallelism parallelism) {
        this(network, batch, seed, parallelism, null);
    }

    /** A training tape for this score: from the pool when there is one. Hand it back with {@link #release}. */
    public Tape trainingTape() {
        return tapes != null ? tapes.take() : Tape.training(parallelism);
    }

    /** Resets {@code tape} (its tensors become invalid) and returns it to the pool, if any. */
    public void release(Tape tape) {
        if (tapes != null) {
            tapes.giveBack(tape);
        } else {
            tape.reset();
        }
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
