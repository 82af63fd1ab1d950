package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;

/**
 * The live edge choice of one weight group (a layer, or all the edges of a graph sharing one budget).
 * Made by a {@link WiringVariant}; holds the variant's state (a fixed random mask, a frozen mask).
 * Not thread-safe: one per model, used by the thread that trains it.
 */
public interface EdgeSelection {
    /**
     * Chooses this step's edges and returns the effective weights (unchosen entries zero) on the
     * tape, one per tensor of {@code weights}, recorded so that the backward pass follows the
     * variant's rule. The flags of {@link #active()} stay fixed until the next call.
     */
    Tensor[] apply(Tape tape, Tensor... weights);

    /** The current flags, one array per weight tensor (live, read only); all false before the first apply. */
    boolean[][] active();

    /** Edges in use per forward pass. */
    int edges();

    /** Size of each weight tensor of the group. */
    int[] sizes();

    /** Number of potential edges (the group's total size). */
    default long potentialEdges() {
        long n = 0;
        for (int s : sizes()) {
            n += s;
        }
        return n;
    }
}
