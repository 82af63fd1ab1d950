package dev.connectome.nas.wiring;

import java.util.random.RandomGenerator;

/**
 * One way of choosing the k edges of a weight group, as compared in Discovering Neural Wirings
 * (Wortsman, Farhadi &amp; Rastegari 2019; allenai/dnw {@code models/graphs/util.py}): DNW itself, a
 * fixed random graph, DNW without updates of unused edges, fine-tuning a frozen mask, and the
 * complete graph. Implementations are stateless; {@link #start} makes the per-group state.
 * Registered by name in {@link WiringVariants}.
 */
public interface WiringVariant {
    /** Short name used on the command line and in results, e.g. "dnw". */
    String name();

    /** One line for help texts. */
    String description();

    /**
     * A new edge choice for a group of weight tensors of the given sizes with budget {@code edges}
     * (ignored by the complete graph, which uses every edge).
     *
     * @param rng used by variants with a random choice, at start only
     */
    EdgeSelection start(int[] sizes, int edges, RandomGenerator rng);

    /** Whether every potential edge is used whatever the budget (the complete graph). */
    default boolean usesAllEdges() {
        return false;
    }
}
