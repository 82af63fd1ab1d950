package dev.connectome.nas.graph;

/** The role of a node in a {@link NeuronGraph}. */
public enum NodeKind {
    /** The constant-1 node (node 0 of a WANNRelease matrix); it carries no separate bias parameter. */
    BIAS,
    /** A task input; inputs keep their task order. */
    INPUT,
    /** A node added by the add-node mutation. */
    HIDDEN,
    /** A task output; outputs keep their task order and form the last layer. */
    OUTPUT
}
