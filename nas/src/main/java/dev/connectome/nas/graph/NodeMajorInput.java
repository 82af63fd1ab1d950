package dev.connectome.nas.graph;

/**
 * A batch of input vectors laid out node-major for {@link GraphNet}: row 0 is the bias (all ones),
 * rows 1..inputs hold one input each over the batch, every row padded with zeros to
 * {@link #stride()} values (a multiple of the vector tile). Immutable after construction and
 * shareable between threads and between all genomes of a population with the same input count,
 * so the transpose is paid once per batch rather than once per evaluation.
 */
public final class NodeMajorInput {
    private final int inputs;
    private final int batch;
    private final int stride;
    private final float[] data;

    private NodeMajorInput(int inputs, int batch, int stride, float[] data) {
        this.inputs = inputs;
        this.batch = batch;
        this.stride = stride;
        this.data = data;
    }

    /**
     * Transposes {@code x} ([batch, inputs] row-major) into node-major rows.
     *
     * @throws IllegalArgumentException when {@code x} is shorter than batch·inputs
     */
    public static NodeMajorInput of(float[] x, int batch, int inputs) {
        if (batch < 1 || inputs < 1) {
            throw new IllegalArgumentException("batch and inputs must be positive, got " + batch + " and " + inputs);
        }
        if (x.length < (long) batch * inputs) {
            throw new IllegalArgumentException("x has " + x.length + " values, a batch of " + batch + " × "
                    + inputs + " inputs needs " + (long) batch * inputs);
        }
        int stride = strideFor(batch);
        float[] data = new float[(1 + inputs) * stride];
        java.util.Arrays.fill(data, 0, stride, 1f);
        for (int b = 0; b < batch; b++) {
            int src = b * inputs;
            for (int i = 0; i < inputs; i++) {
                data[(1 + i) * stride + b] = x[src + i];
            }
        }
        return new NodeMajorInput(inputs, batch, stride, data);
    }

    /** Row length for a batch: the batch rounded up to the kernel tile. */
    static int strideFor(int batch) {
        int t = GraphKernels.TILE;
        return (batch + t - 1) / t * t;
    }

    public int inputs() {
        return inputs;
    }

    public int batch() {
        return batch;
    }

    /** Values per row (≥ batch). */
    public int stride() {
        return stride;
    }

    /** The rows (bias first); package-private because the array must not be written. */
    float[] data() {
        return data;
    }
}
