package dev.connectome.nas.wiring;

import java.util.Arrays;
import java.util.Objects;

/**
 * The channel-level tiny classifier of Discovering Neural Wirings (allenai/dnw
 * {@code models/graphs/neuralgraph.py}), sized for a CPU: every node is one channel.
 *
 * @param inChannels  image channels (1 for Fashion-MNIST)
 * @param imageSize   image side; the stem divides it by 4 (28 → 7)
 * @param blocks      sizes of the node blocks after the input nodes (the last block feeds the head)
 * @param edges       edge budget k over all potential edges (ignored by the complete graph)
 * @param inputNodes  channels the stem produces, the graph's input nodes (the paper: 32)
 * @param classes     outputs of the linear head
 * @param inputNodeOps whether the input nodes apply the node operation (norm → ReLU → 3×3 conv) to the
 *                    stem's output before it is mixed, as allenai/dnw does; otherwise the stem's
 *                    normalised output is mixed directly
 * @param linearReadout whether the last block's nodes are output nodes, as in allenai/dnw: the head
 *                    reads their pooled input sums {@code I_v} (no node operation), so the edges into
 *                    them choose which nodes of any block reach the classifier; otherwise the head
 *                    reads the pooled outputs {@code Z_v} of the last block
 * @param nodeNorm    the nodes' normalisation: BatchNorm (batch statistics) or InstanceNorm (each
 *                    image's own plane statistics, as allenai/dnw)
 */
public record ChannelGraphSpec(int inChannels, int imageSize, int[] blocks, int edges, int inputNodes, int classes,
                               boolean inputNodeOps, boolean linearReadout, NodeNorm nodeNorm) {
    /** How a node normalises its input sum. */
    public enum NodeNorm { BATCH, INSTANCE }

    public ChannelGraphSpec {
        blocks = blocks.clone();
        Objects.requireNonNull(nodeNorm, "nodeNorm");
        if (inChannels <= 0 || imageSize < 4 || inputNodes <= 0 || classes <= 0 || blocks.length == 0) {
            throw new IllegalArgumentException("channel graph needs channels > 0, image size >= 4, input nodes > 0, "
                    + "classes > 0 and at least one block, got " + inChannels + ", " + imageSize + ", " + inputNodes
                    + ", " + classes + ", " + Arrays.toString(blocks));
        }
        for (int b : blocks) {
            if (b <= 0) {
                throw new IllegalArgumentException("block sizes must be > 0, got " + Arrays.toString(blocks));
            }
        }
        long potential = potential(inputNodes, blocks);
        if (edges <= 0 || edges > potential) {
            throw new IllegalArgumentException("edge budget must be in [1, " + potential + "] for " + inputNodes
                    + " input nodes and blocks " + Arrays.toString(blocks) + ", got " + edges);
        }
    }

    /** 32 input nodes and 10 classes, as in the paper. */
    public ChannelGraphSpec(int inChannels, int imageSize, int[] blocks, int edges) {
        this(inChannels, imageSize, blocks, edges, 32, 10);
    }

    /** Input nodes without the node operation. */
    public ChannelGraphSpec(int inChannels, int imageSize, int[] blocks, int edges, int inputNodes, int classes) {
        this(inChannels, imageSize, blocks, edges, inputNodes, classes, false, false, NodeNorm.BATCH);
    }

    /** The same graph with or without the node operation on the input nodes. */
    public ChannelGraphSpec withInputNodeOps(boolean on) {
        return new ChannelGraphSpec(inChannels, imageSize, blocks, edges, inputNodes, classes, on, linearReadout,
                nodeNorm);
    }

    /** The same graph with or without the last block as linear output nodes. */
    public ChannelGraphSpec withLinearReadout(boolean on) {
        return new ChannelGraphSpec(inChannels, imageSize, blocks, edges, inputNodes, classes, inputNodeOps, on,
                nodeNorm);
    }

    /** The same graph with the given node normalisation. */
    public ChannelGraphSpec withNodeNorm(NodeNorm norm) {
        return new ChannelGraphSpec(inChannels, imageSize, blocks, edges, inputNodes, classes, inputNodeOps,
                linearReadout, norm);
    }

    /** Edges allowed by the block order (u in an earlier block than v). */
    public long potentialEdges() {
        return potential(inputNodes, blocks);
    }

    /** All nodes, input nodes included. */
    public int nodes() {
        return inputNodes + Arrays.stream(blocks).sum();
    }

    private static long potential(int inputs, int[] blocks) {
        long n = 0, prefix = inputs;
        for (int b : blocks) {
            n += prefix * b;
            prefix += b;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelGraphSpec s && inChannels == s.inChannels && imageSize == s.imageSize
                && edges == s.edges && inputNodes == s.inputNodes && classes == s.classes
                && inputNodeOps == s.inputNodeOps && linearReadout == s.linearReadout && nodeNorm == s.nodeNorm
                && Arrays.equals(blocks, s.blocks);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(blocks) * 31 + edges * 7 + inputNodes * 3 + classes + imageSize * 11 + inChannels
                + (inputNodeOps ? 1 : 0) * 13 + (linearReadout ? 1 : 0) * 17 + nodeNorm.ordinal() * 19;
    }

    @Override
    public String toString() {
        return "ChannelGraphSpec[" + nodes() + " nodes, blocks=" + Arrays.toString(blocks) + ", edges=" + edges
                + (inputNodeOps ? ", input node ops" : "") + (linearReadout ? ", linear readout" : "")
                + (nodeNorm == NodeNorm.INSTANCE ? ", instance norm" : "") + "]";
    }
}
