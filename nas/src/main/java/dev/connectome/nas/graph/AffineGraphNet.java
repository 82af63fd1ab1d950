package dev.connectome.nas.graph;

import java.util.List;

/**
 * A {@link NeuronGraph} compiled for evaluating whole planes of weight vectors
 * θ(a, b) = c + a·d1 + b·d2 (loss landscapes), exactly, at a fraction of a forward pass each.
 *
 * <p>A connection leaving the bias or an input contributes θ_j·x_j to its target's pre-activation,
 * which is affine in (a, b): summed over those connections it is z0 + a·z1 + b·z2 with
 * z0 = Σ c_j x_j, z1 = Σ d1_j x_j, z2 = Σ d2_j x_j. {@link #plane} computes the three sums once per
 * batch and node, z0 + a·z1 once per row of the plane; each point then costs one FMA per node plus the connections that
 * leave hidden nodes (in an MNIST256 WANN ~1,400 of ~1,500 connections leave the inputs).
 *
 * <p>Weights are in GraphNet's wKey order (enabled connections sorted by source, then target,
 * position in the evaluation order), so weight vectors and {@link TunedWeights} files are shared
 * with {@link GraphNet}. Immutable and thread-safe.
 */
public final class AffineGraphNet {
    private final int inputs;
    private final int outputs;
    /** Hidden + output nodes, the rows a pass computes. */
    private final int computed;
    private final int[] activation;
    /** Node c's sources: slots start[c]..mid[c] are input rows, mid[c]..start[c+1] computed rows. */
    private final int[] start;
    private final int[] mid;
    private final int[] rows;
    /** Slot → index in the wKey-ordered weight vector. */
    private final int[] slotWeight;

    private AffineGraphNet(int inputs, int outputs, int[] activation, int[] start, int[] mid, int[] rows,
                           int[] slotWeight) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.computed = activation.length;
        this.activation = activation;
        this.start = start;
        this.mid = mid;
        this.rows = rows;
        this.slotWeight = slotWeight;
    }

    /** Compiles the enabled connections of {@code g}. */
    public static AffineGraphNet compile(NeuronGraph g) {
        List<Node> order = g.evaluationOrder();
        int maxId = 0;
        for (Node n : order) {
            maxId = Math.max(maxId, n.id());
        }
        int[] pos = new int[maxId + 1];
        for (int i = 0; i < order.size(); i++) {
            pos[order.get(i).id()] = i;
        }
        int firstComputed = g.inputCount() + 1;
        int computed = order.size() - firstComputed;
        // (source position, target position) per enabled connection, sorted: the wKey order.
        long[] keys = new long[g.enabledConnectionCount()];
        int e = 0;
        for (Connection c : g.connections()) {
            if (c.enabled()) {
                keys[e++] = (long) pos[c.source()] << 32 | pos[c.target()];
            }
        }
        java.util.Arrays.sort(keys);
        int[] start = new int[computed + 1];
        for (long key : keys) {
            start[(int) key - firstComputed + 1]++;
        }
        for (int c = 0; c < computed; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = java.util.Arrays.copyOf(start, computed);
        int[] mid = java.util.Arrays.copyOf(start, computed);
        int[] rows = new int[keys.length];
        int[] slotWeight = new int[keys.length];
        // Keys arrive by increasing source, so each node's bias/input sources take its first slots.
        for (int k = 0; k < keys.length; k++) {
            int source = (int) (keys[k] >>> 32);
            int target = (int) keys[k] - firstComputed;
            int slot = fill[target]++;
            boolean fromInput = source < firstComputed;
            rows[slot] = fromInput ? source : source - firstComputed;
            slotWeight[slot] = k;
            if (fromInput) {
                mid[target] = slot + 1;
            }
        }
        int[] activation = new int[computed];
        for (int c = 0; c < computed; c++) {
            activation[c] = order.get(firstComputed + c).activation();
        }
        return new AffineGraphNet(g.inputCount(), g.outputCount(), activation, start, mid, rows, slotWeight);
    }

    public int inputCount() {
        return inputs;
    }

    public int outputCount() {
        return outputs;
    }

    /** Number of enabled connections = length of a weight vector. */
    public int weightCount() {
        return rows.length;
    }

    /** Connections whose source is the bias or an input (their sums are precomputed per plane). */
    public int inputConnectionCount() {
        int n = 0;
        for (int c = 0; c < computed; c++) {
            n += mid[c] - start[c];
        }
        return n;
    }

    /** Hidden + output nodes. */
    int computedCount() {
        return computed;
    }

    /**
     * Prepares the plane c + a·d1 + b·d2 on one batch: the per-node input sums z0, z1, z2.
     *
     * @param labels the batch's class indices, each in [0, outputCount)
     * @throws IllegalArgumentException on mismatched lengths or a label out of range
     */
    public AffineGraphPlane plane(NodeMajorInput in, int[] labels, float[] centre, float[] d1, float[] d2) {
        if (in.inputs() != inputs) {
            throw new IllegalArgumentException("batch has " + in.inputs() + " inputs, the network " + inputs);
        }
        int n = weightCount();
        if (centre.length != n || d1.length != n || d2.length != n) {
            throw new IllegalArgumentException("expected " + n + " weights (one per enabled connection) in the centre"
                    + " and both directions, got " + centre.length + ", " + d1.length + " and " + d2.length);
        }
        if (labels.length < in.batch()) {
            throw new IllegalArgumentException("batch of " + in.batch() + " samples has only " + labels.length + " labels");
        }
        float[] labelF = SoftmaxFitness.labelsAsFloats(labels, in.batch(), outputs);
        float[] c0 = bySlot(centre);
        float[] s1 = bySlot(d1);
        float[] s2 = bySlot(d2);
        int stride = in.stride();
        float[] z = new float[3 * computed * stride];
        float[] x = in.data();
        for (int c = 0; c < computed; c++) {
            int off = 3 * c * stride;
            GraphKernels.weightedSum(x, null, rows, c0, start[c], mid[c], mid[c], stride, z, off);
            GraphKernels.weightedSum(x, null, rows, s1, start[c], mid[c], mid[c], stride, z, off + stride);
            GraphKernels.weightedSum(x, null, rows, s2, start[c], mid[c], mid[c], stride, z, off + 2 * stride);
        }
        return new AffineGraphPlane(this, in.batch(), stride, labelF, z, c0, s1, s2);
    }

    private float[] bySlot(float[] w) {
        float[] s = new float[slotWeight.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = w[slotWeight[j]];
        }
        return s;
    }

    /** The row α1 = a of a plane: {@code za} ([computed][stride]) = z0 + a·z1 per node. */
    void rowBase(float[] z, float a, int stride, float[] za) {
        for (int c = 0; c < computed; c++) {
            AffineGraphKernels.rowBase(z, 3 * c * stride, a, stride, za, c * stride);
        }
    }

    /**
     * One point (a, b) of a plane, given the row's {@link #rowBase}: node values into {@code vals}
     * ([computed][stride]); {@code w} holds the point's weights by slot (only hidden-sourced slots are read).
     */
    void forward(float[] za, float[] z, float b, float[] w, int stride, float[] vals) {
        for (int c = 0; c < computed; c++) {
            int off = c * stride;
            AffineGraphKernels.affineSum(za, off, z, 3 * off + 2 * stride, b, vals, rows, w, mid[c], start[c + 1],
                    stride, vals, off);
            VectorActivations.apply(activation[c], vals, off, stride);
        }
    }

    /** Slots whose source is a hidden node: their weights must be formed per point. */
    int[] hiddenSlots() {
        int n = 0;
        for (int c = 0; c < computed; c++) {
            n += start[c + 1] - mid[c];
        }
        int[] h = new int[n];
        int k = 0;
        for (int c = 0; c < computed; c++) {
            for (int j = mid[c]; j < start[c + 1]; j++) {
                h[k++] = j;
            }
        }
        return h;
    }
}
