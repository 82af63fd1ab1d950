package dev.connectome.nas.score;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Training tapes kept between scores, so that scoring a cell reuses the buffers its predecessor's
 * tape allocated (NB201 cells share their tensor sizes) instead of allocating them afresh — at a
 * batch of 128 that is gigabytes per cell. A tape in the pool holds on to its buffers: one pool per
 * scorer, at most one tape per thread scoring at a time. Thread-safe.
 */
public final class TapePool {
    private final Parallelism parallelism;
    private final ConcurrentLinkedDeque<Tape> free = new ConcurrentLinkedDeque<>();

    public TapePool(Parallelism parallelism) {
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism");
    }

    /** A reset training tape, reused when one is free. */
    public Tape take() {
        Tape t = free.pollLast();
        return t != null ? t : Tape.training(parallelism);
    }

    /** Resets {@code tape} (its tensors become invalid) and keeps it for the next {@link #take()}. */
    public void giveBack(Tape tape) {
        tape.reset();
        free.addLast(tape);
    }
}
