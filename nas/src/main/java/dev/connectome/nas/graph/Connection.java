package dev.connectome.nas.graph;

/**
 * A connection gene of a {@link NeuronGraph}.
 *
 * @param innovation historical marking (NEAT); unique within a genome
 * @param source     id of the source node
 * @param target     id of the target node
 * @param weight     the gene's own weight (WANN search writes 1; weight-agnostic evaluation ignores it)
 * @param enabled    whether the connection takes part in evaluation; disabled genes still count for
 *                   the feed-forward order, as in WANNRelease
 */
public record Connection(long innovation, int source, int target, float weight, boolean enabled) {
    /** This connection enabled or disabled. */
    public Connection withEnabled(boolean on) {
        return new Connection(innovation, source, target, weight, on);
    }
}
