package dev.connectome.nas.graph;

/**
 * One batch prepared for evaluating the plane θ(a, b) = c + a·d1 + b·d2 of an {@link AffineGraphNet}
 * (made by {@link AffineGraphNet#plane}): holds the per-node input sums and its own scratch, so it is
 * <em>not</em> thread-safe; make one per thread.
 */
public final class AffineGraphPlane {
    private final AffineGraphNet net;
    private final int batch;
    private final int stride;
    /** Labels as floats, padded with zeros to the stride. */
    private final float[] labelF;
    /** Per computed node: rows z0, z1, z2. */
    private final float[] z;
    private final float[] c0;
    private final float[] d1;
    private final float[] d2;
    private final int[] hidden;
    /** Per-point weights by slot (hidden slots only), the row's c + a·d1 by slot, and node values. */
    private final float[] w;
    private final float[] rowBase;
    private final float[] vals;
    /** The current row's z0 + a·z1 per node. */
    private final float[] za;

    AffineGraphPlane(AffineGraphNet net, int batch, int stride, float[] labelF, float[] z, float[] c0, float[] d1,
                     float[] d2) {
        this.net = net;
        this.batch = batch;
        this.stride = stride;
        this.labelF = java.util.Arrays.copyOf(labelF, stride);
        this.z = z;
        this.c0 = c0;
        this.d1 = d1;
        this.d2 = d2;
        this.hidden = net.hiddenSlots();
        this.w = new float[c0.length];
        this.rowBase = new float[c0.length];
        this.vals = new float[net.computedCount() * stride];
        this.za = new float[net.computedCount() * stride];
    }

    public int batch() {
        return batch;
    }

    /**
     * Adds, for each k, the summed softmax cross-entropy of the batch at θ(a, bs[k]) to
     * {@code acc[off + 3k]}, the number of arg-max hits to {@code acc[off + 3k + 1]} and the batch
     * size to {@code acc[off + 3k + 2]}. A batch with a non-finite loss adds +∞ (as a NaN sample does
     * in {@code GraphLoss}).
     */
    public void accumulateRow(float a, float[] bs, double[] acc, int off) {
        // Same float rounding as forming θ directly: (c + a·d1) + b·d2.
        for (int j : hidden) {
            rowBase[j] = c0[j] + a * d1[j];
        }
        net.rowBase(z, a, stride, za);
        int outputs = net.outputCount();
        int outRows = (net.computedCount() - outputs) * stride;
        for (int k = 0; k < bs.length; k++) {
            float b = bs[k];
            for (int j : hidden) {
                w[j] = rowBase[j] + b * d2[j];
            }
            net.forward(za, z, b, w, stride, vals);
            double fitness = SoftmaxFitness.rowsKernel(vals, outRows, stride, labelF, batch, outputs);
            acc[off + 3 * k] += Double.isNaN(fitness) ? Double.POSITIVE_INFINITY : -fitness * batch;
            acc[off + 3 * k + 1] += AffineGraphKernels.correct(vals, outRows, stride, labelF, batch, outputs);
            acc[off + 3 * k + 2] += batch;
        }
    }
}
