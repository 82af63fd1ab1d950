package dev.connectome.nas.graph;

/**
 * A node of a {@link NeuronGraph}.
 *
 * @param id         unique within its genome (not an index: hidden nodes of evolved genomes get new ids)
 * @param kind       bias, input, hidden or output
 * @param activation WANNRelease activation id 1..11 (see {@link WannActivation}); bias, inputs and
 *                   outputs of WANN genomes carry 1 (linear)
 */
public record Node(int id, NodeKind kind, int activation) {
    public Node {
        if (kind == null) {
            throw new IllegalArgumentException("node " + id + ": kind is null");
        }
        if (!WannActivation.isValid(activation)) {
            throw new IllegalArgumentException("node " + id + ": activation id " + activation
                    + " is outside 1.." + WannActivation.MAX_ID);
        }
    }

    /** This node with another activation. */
    public Node withActivation(int newActivation) {
        return new Node(id, kind, newActivation);
    }
}
