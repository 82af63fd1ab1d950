package dev.connectome.nas.graph;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link NeuronGraph} compiled into a batch evaluator. Immutable and thread-safe: all per-call
 * state lives in caller-supplied scratch (or is allocated per call).
 *
 * <p>The schedule is the genome's {@link NeuronGraph#evaluationOrder() evaluation order}: bias,
 * inputs, hidden nodes in topological order, outputs. Values are kept node-major ({@code [node][batch]}),
 * so each node is one pass of vector FMAs over contiguous batch rows of its sources followed by its
 * activation applied to the whole row; no per-sample interpretation.
 *
 * <p>Per-connection weights are indexed like WANNTool's {@code wKey}: the enabled connections in
 * row-major order of the {@code .out} matrix, i.e. by (source position, target position) in the
 * evaluation order.
 */
public final class GraphNet {
    private final int inputs;
    private final int outputs;
    /** Hidden + output nodes: the rows a forward pass computes. */
    private final int computed;
    private final int[] activation;
    /** Per computed node c: its sources are slots start[c]..mid[c] (input rows), mid[c]..start[c+1] (computed rows). */
    private final int[] start;
    private final int[] mid;
    private final int[] rows;
    private final int[] slotWeight;
    private final float[] genomeWeights;

    private GraphNet(int inputs, int outputs, int computed, int[] activation, int[] start, int[] mid, int[] rows,
                     int[] slotWeight, float[] genomeWeights) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.computed = computed;
        this.activation = activation;
        this.start = start;
        this.mid = mid;
        this.rows = rows;
        this.slotWeight = slotWeight;
        this.genomeWeights = genomeWeights;
    }

    /**
     * Compiles the enabled part of {@code g}. Plain int arrays and one primitive sort: a population
     * step compiles every genome once per generation, so this is on the hot path (an MNIST256
     * genome carries ~2,600 connection genes, most of them disabled).
     */
    public static GraphNet compile(NeuronGraph g) {
        List<Node> order = g.evaluationOrder();
        int maxId = 0;
        for (Node n : order) {
            maxId = Math.max(maxId, n.id());
        }
        int[] pos = new int[maxId + 1];
        for (int i = 0; i < order.size(); i++) {
            pos[order.get(i).id()] = i;
        }
        int nIn = g.inputCount();
        int firstComputed = nIn + 1;
        int computed = order.size() - firstComputed;
        List<Connection> genes = g.connections();
        int nEnabled = g.enabledConnectionCount();
        // (source position, target position, gene index) packed into one long per enabled connection,
        // sorted: the wKey order (row-major over the .out matrix). Positions and indices fit 21 bits.
        long[] keys = new long[nEnabled];
        int e = 0;
        for (int i = 0; i < genes.size(); i++) {
            Connection c = genes.get(i);
            if (c.enabled()) {
                keys[e++] = (long) pos[c.source()] << 42 | (long) pos[c.target()] << 21 | i;
            }
        }
        java.util.Arrays.sort(keys);
        float[] genomeWeights = new float[nEnabled];
        int[] start = new int[computed + 1];
        for (long key : keys) {
            start[target(key) - firstComputed + 1]++;
        }
        for (int c = 0; c < computed; c++) {
            start[c + 1] += start[c];
        }
        int[] fill = java.util.Arrays.copyOf(start, computed);
        int[] rows = new int[nEnabled];
        int[] slotWeight = new int[nEnabled];
        // Sources arrive in increasing position per target, so a node's bias/input sources come first.
        for (int k = 0; k < nEnabled; k++) {
            long key = keys[k];
            genomeWeights[k] = genes.get((int) (key & 0x1FFFFF)).weight();
            int source = (int) (key >>> 42);
            int slot = fill[target(key) - firstComputed]++;
            rows[slot] = source < firstComputed ? source : source - firstComputed;
            slotWeight[slot] = k;
        }
        int[] activation = new int[computed];
        int[] mid = new int[computed];
        for (int c = 0; c < computed; c++) {
            activation[c] = order.get(firstComputed + c).activation();
            int m = start[c];
            while (m < start[c + 1] && (int) (keys[slotWeight[m]] >>> 42) < firstComputed) {
                m++;
            }
            mid[c] = m;
        }
        return new GraphNet(nIn, g.outputCount(), computed, activation, start, mid, rows, slotWeight, genomeWeights);
    }

    private static int target(long key) {
        return (int) (key >>> 21 & 0x1FFFFF);
    }

    public int inputCount() {
        return inputs;
    }

    public int outputCount() {
        return outputs;
    }

    /** Number of enabled connections = length of a per-connection weight vector. */
    public int weightCount() {
        return genomeWeights.length;
    }

    /** The genome's own connection weights in {@link #weightCount() wKey} order (a copy). */
    public float[] genomeWeights() {
        return genomeWeights.clone();
    }

    /** Scratch floats any forward pass of this net over a batch of this size needs. */
    public int scratchSize(int batch) {
        return 2 * computed * NodeMajorInput.strideFor(batch);
    }

    /**
     * Weight-agnostic forward pass: every enabled connection has weight {@code sharedWeight}.
     *
     * @param x   [batch, inputs] row-major
     * @param out [batch, outputs] row-major, overwritten
     */
    public void forwardShared(float[] x, int batch, float sharedWeight, float[] out) {
        forwardShared(NodeMajorInput.of(x, batch, inputs), sharedWeight, out, new float[scratchSize(batch)]);
    }

    /** As {@link #forwardShared(float[], int, float, float[])} on a prepared batch with caller scratch. */
    public void forwardShared(NodeMajorInput in, float sharedWeight, float[] out, float[] scratch) {
        check(in, out, scratch);
        int stride = in.stride();
        float[] x = in.data();
        for (int c = 0; c < computed; c++) {
            int off = c * stride;
            GraphKernels.sum(x, scratch, rows, start[c], mid[c], start[c + 1], stride, scratch, off);
            // Σ w·v = w·Σ v: one multiply per sample instead of one per connection (exact for powers of two).
            GraphKernels.scale(scratch, off, stride, sharedWeight);
            VectorActivations.apply(activation[c], scratch, off, stride);
        }
        copyOutputs(scratch, stride, in.batch(), out);
    }

    /**
     * Weight-agnostic forward passes for several shared weights (WANN's sweep) in one call:
     * {@code out} receives {@code [sharedWeights.length][batch][outputs]}. Since every connection
     * carries the same w, a node's pre-activation is w·(Σ bias/input sources + Σ hidden sources); the
     * first sum does not depend on w and is computed once for all weights, which saves most of the
     * work for genomes whose connections mostly leave the inputs (MNIST256).
     */
    public void forwardShared(NodeMajorInput in, float[] sharedWeights, float[] out, float[] scratch) {
        int batch = in.batch();
        check(in, out, scratch);
        if (out.length < sharedWeights.length * batch * outputs) {
            throw new IllegalArgumentException("out has " + out.length + " values, needs "
                    + sharedWeights.length * batch * outputs);
        }
        int stride = in.stride();
        int valsBase = inputSums(in, scratch);
        for (int k = 0; k < sharedWeights.length; k++) {
            sweep(sharedWeights[k], stride, scratch, valsBase);
            copyOutputs(scratch, valsBase, stride, batch, out, k * batch * outputs);
        }
    }

    /**
     * WANN's classification fitness for each shared weight: {@code fitness[k]} = −mean cross-entropy
     * of softmax(outputs) at weight {@code sharedWeights[k]} against {@code labels} (as
     * {@link SoftmaxFitness#negativeMeanCrossEntropy}), straight from the node-major output rows
     * without materialising {@code [batch][outputs]} logits. Non-finite outputs give NaN.
     *
     * @param labels  [batch] class indices in [0, outputCount)
     * @param scratch at least {@link #scratchSize(int)} floats; contents are overwritten
     * @throws IllegalArgumentException on a label outside [0, outputCount) or short arrays
     */
    public void sharedWeightFitness(NodeMajorInput in, float[] sharedWeights, int[] labels, double[] fitness,
                                    float[] scratch) {
        int batch = in.batch();
        check(in, new float[0], scratch, false);
        if (labels.length < batch || fitness.length < sharedWeights.length) {
            throw new IllegalArgumentException("need " + batch + " labels and " + sharedWeights.length
                    + " fitness slots, got " + labels.length + " and " + fitness.length);
        }
        float[] labelF = SoftmaxFitness.labelsAsFloats(labels, batch, outputs);
        int stride = in.stride();
        int valsBase = inputSums(in, scratch);
        int outRows = valsBase + (computed - outputs) * stride;
        for (int k = 0; k < sharedWeights.length; k++) {
            sweep(sharedWeights[k], stride, scratch, valsBase);
            fitness[k] = SoftmaxFitness.rowsKernel(scratch, outRows, stride, labelF, batch, outputs);
        }
    }

    /**
     * Fills scratch rows [0, computed) with each node's Σ over its bias/input sources (independent of
     * the shared weight) and returns where the node values start (scratch = [input sums | values]).
     */
    private int inputSums(NodeMajorInput in, float[] scratch) {
        int stride = in.stride();
        if (scratch.length < 2 * computed * stride) {
            throw new IllegalArgumentException("scratch has " + scratch.length + " values, a shared-weight sweep needs "
                    + 2 * computed * stride);
        }
        float[] x = in.data();
        for (int c = 0; c < computed; c++) {
            if (mid[c] > start[c]) {
                GraphKernels.sum(x, null, rows, start[c], mid[c], mid[c], stride, scratch, c * stride);
            } else {
                Arrays.fill(scratch, c * stride, (c + 1) * stride, 0f);
            }
        }
        return computed * stride;
    }

    /** One shared weight: node values w·(input sum + Σ hidden sources), activated, into the value rows. */
    private void sweep(float w, int stride, float[] scratch, int valsBase) {
        for (int c = 0; c < computed; c++) {
            int off = valsBase + c * stride;
            GraphKernels.scaledSumOnto(scratch, c * stride, scratch, valsBase, rows,
                    mid[c], start[c + 1], w, stride, scratch, off);
            VectorActivations.apply(activation[c], scratch, off, stride);
        }
    }

    /**
     * Forward pass with one weight per enabled connection.
     *
     * @param weights [weightCount] in wKey order
     */
    public void forward(float[] x, int batch, float[] weights, float[] out) {
        forward(NodeMajorInput.of(x, batch, inputs), weights, out, new float[scratchSize(batch)]);
    }

    /** As {@link #forward(float[], int, float[], float[])} on a prepared batch with caller scratch. */
    public void forward(NodeMajorInput in, float[] weights, float[] out, float[] scratch) {
        check(in, out, scratch);
        checkWeights(weights.length);
        float[] slotW = slotWeights(weights);
        int stride = in.stride();
        float[] x = in.data();
        for (int c = 0; c < computed; c++) {
            int off = c * stride;
            GraphKernels.weightedSum(x, scratch, rows, slotW, start[c], mid[c], start[c + 1], stride, scratch, off);
            VectorActivations.apply(activation[c], scratch, off, stride);
        }
        copyOutputs(scratch, stride, in.batch(), out);
    }

    /**
     * Autograd forward pass: {@code x} [batch, inputs], {@code weights} [weightCount] → [batch, outputs].
     * The backward pass accumulates into the gradients of {@code weights} and {@code x} (each only
     * when it requires one).
     */
    public Tensor forward(Tape tape, Tensor x, Tensor weights) {
        if (x.rank() != 2 || x.dim(1) != inputs) {
            throw new IllegalArgumentException("x must be [batch, " + inputs + "], got " + Arrays.toString(x.shape()));
        }
        if (weights.size() != weightCount()) {
            checkWeights(weights.size());
        }
        int batch = x.dim(0);
        NodeMajorInput in = NodeMajorInput.of(x.data(), batch, inputs);
        int stride = in.stride();
        float[] slotW = slotWeights(weights.data());
        float[] pre = tape.scratch(computed * stride);
        float[] vals = tape.scratch(computed * stride);
        float[] xs = in.data();
        for (int c = 0; c < computed; c++) {
            int off = c * stride;
            GraphKernels.weightedSum(xs, vals, rows, slotW, start[c], mid[c], start[c + 1], stride, pre, off);
            System.arraycopy(pre, off, vals, off, stride);
            VectorActivations.apply(activation[c], vals, off, stride);
        }
        Tensor out = tape.output(tape.needsGrad(x, weights), batch, outputs);
        copyOutputs(vals, stride, batch, out.data());
        tape.record(out, g -> backward(tape, x, weights, in, slotW, pre, vals, g));
        return out;
    }

    private void backward(Tape tape, Tensor x, Tensor weights, NodeMajorInput in, float[] slotW, float[] pre,
                          float[] vals, float[] gOut) {
        int stride = in.stride();
        int batch = in.batch();
        float[] gVals = tape.scratch(computed * stride);
        Arrays.fill(gVals, 0f);
        boolean wantX = x.requiresGrad();
        float[] gIn = wantX ? tape.scratch((1 + inputs) * stride) : null;
        if (gIn != null) {
            Arrays.fill(gIn, 0f);
        }
        int firstOut = computed - outputs;
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outputs; o++) {
                gVals[(firstOut + o) * stride + b] = gOut[b * outputs + o];
            }
        }
        float[] gw = weights.requiresGrad() ? tape.grad(weights) : null;
        float[] xs = in.data();
        for (int c = computed - 1; c >= 0; c--) {
            int off = c * stride;
            VectorActivations.backward(activation[c], pre, off, vals, off, gVals, off, stride);
            for (int j = start[c]; j < start[c + 1]; j++) {
                boolean fromInput = j < mid[c];
                int srcOff = rows[j] * stride;
                if (gw != null) {
                    gw[slotWeight[j]] += GraphKernels.dot(gVals, off, fromInput ? xs : vals, srcOff, stride);
                }
                if (!fromInput) {
                    GraphKernels.axpy(slotW[j], gVals, off, gVals, srcOff, stride);
                } else if (gIn != null) {
                    GraphKernels.axpy(slotW[j], gVals, off, gIn, srcOff, stride);
                }
            }
        }
        if (gIn != null) {
            float[] gx = tape.grad(x);
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < inputs; i++) {
                    gx[b * inputs + i] += gIn[(1 + i) * stride + b];
                }
            }
        }
    }

    private float[] slotWeights(float[] weights) {
        float[] w = new float[rows.length];
        for (int j = 0; j < w.length; j++) {
            w[j] = weights[slotWeight[j]];
        }
        return w;
    }

    private void copyOutputs(float[] vals, int stride, int batch, float[] out) {
        copyOutputs(vals, 0, stride, batch, out, 0);
    }

    private void copyOutputs(float[] vals, int valsOff, int stride, int batch, float[] out, int outOff) {
        int firstOut = computed - outputs;
        for (int o = 0; o < outputs; o++) {
            int row = valsOff + (firstOut + o) * stride;
            for (int b = 0; b < batch; b++) {
                out[outOff + b * outputs + o] = vals[row + b];
            }
        }
    }

    private void check(NodeMajorInput in, float[] out, float[] scratch) {
        check(in, out, scratch, true);
    }

    private void check(NodeMajorInput in, float[] out, float[] scratch, boolean checkOut) {
        if (in.inputs() != inputs) {
            throw new IllegalArgumentException("batch has " + in.inputs() + " inputs, the network " + inputs);
        }
        if (checkOut && out.length < in.batch() * outputs) {
            throw new IllegalArgumentException("out has " + out.length + " values, needs " + in.batch() * outputs);
        }
        if (scratch.length < computed * in.stride()) {
            throw new IllegalArgumentException("scratch has " + scratch.length + " values, needs " + computed * in.stride());
        }
    }

    private void checkWeights(int n) {
        if (n != weightCount()) {
            throw new IllegalArgumentException("expected " + weightCount() + " weights (one per enabled connection), got " + n);
        }
    }
}
