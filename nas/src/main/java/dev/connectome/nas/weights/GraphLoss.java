package dev.connectome.nas.weights;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.analysis.LandscapeObjective;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NodeMajorChunks;
import dev.connectome.nas.graph.NodeMajorInput;

/**
 * Softmax cross-entropy and accuracy of a {@link GraphNet} with given per-connection weights on a
 * fixed data set, split into chunks that are transposed to node-major layout once. A chunk's input
 * (257 rows × chunk samples) stays in cache while many weight vectors are evaluated on it, which is
 * what makes loss landscapes and population evaluation cheap. Immutable and thread-safe; scratch is
 * per thread.
 */
public final class GraphLoss implements LandscapeObjective {
    /** Samples per chunk: 1024 × 257 inputs × 4 bytes ≈ 1 MB, about an L2 cache. */
    public static final int DEFAULT_CHUNK = 1024;

    private final GraphNet net;
    private final NodeMajorInput[] chunks;
    private final int[][] labels;
    private final int size;
    private final ThreadLocal<float[][]> buffers;

    public GraphLoss(GraphNet net, Dataset data) {
        this(net, data, DEFAULT_CHUNK);
    }

    public GraphLoss(GraphNet net, Dataset data, int chunkSize) {
        NodeMajorChunks c = NodeMajorChunks.of(data, net.inputCount(), net.outputCount(), chunkSize);
        this.net = net;
        this.size = c.size();
        this.chunks = c.inputs();
        this.labels = c.labels();
        int maxBatch = Math.min(size, chunkSize);
        this.buffers = ThreadLocal.withInitial(() -> new float[][] {
                new float[maxBatch * net.outputCount()], new float[net.scratchSize(maxBatch)]});
    }

    public GraphNet net() {
        return net;
    }

    @Override
    public int chunkCount() {
        return chunks.length;
    }

    public int size() {
        return size;
    }

    /** Loss and accuracy on one chunk. */
    public LossStats evaluate(int chunk, float[] weights) {
        float[][] buf = buffers.get();
        NodeMajorInput in = chunks[chunk];
        float[] out = buf[0];
        net.forward(in, weights, out, buf[1]);
        return crossEntropy(out, labels[chunk], in.batch(), net.outputCount());
    }

    @Override
    public void accumulate(int chunk, float[] params, double[] acc) {
        LossStats s = evaluate(chunk, params);
        acc[0] += s.lossSum();
        acc[1] += s.correct();
        acc[2] += s.count();
    }

    /** Loss and accuracy on the whole data set, chunks spread over {@code par}, summed in chunk order. */
    public LossStats evaluate(float[] weights, Parallelism par) {
        LossStats[] parts = new LossStats[chunks.length];
        par.forEach(chunks.length, c -> parts[c] = evaluate(c, weights));
        LossStats total = LossStats.EMPTY;
        for (LossStats p : parts) {
            total = total.plus(p);
        }
        return total;
    }

    /** Sequential whole-set evaluation (for callers that already parallelise over weight vectors). */
    public LossStats evaluate(float[] weights) {
        return evaluate(weights, Parallelism.single());
    }

    /** Summed softmax cross-entropy (computed stably in double) and arg-max hits of {@code out} [batch, classes]. */
    static LossStats crossEntropy(float[] out, int[] labels, int batch, int classes) {
        double sum = 0;
        long correct = 0;
        for (int b = 0; b < batch; b++) {
            int base = b * classes;
            float max = out[base];
            int arg = 0;
            for (int k = 1; k < classes; k++) {
                if (out[base + k] > max) {
                    max = out[base + k];
                    arg = k;
                }
            }
            double z = 0;
            for (int k = 0; k < classes; k++) {
                z += Math.exp(out[base + k] - max);
            }
            int y = labels[b];
            double ce = Math.log(z) - (out[base + y] - max);
            // A NaN output (e.g. overflowing weights) must not read as a perfect fit.
            sum += Double.isNaN(ce) ? Double.POSITIVE_INFINITY : ce;
            if (arg == y && !Float.isNaN(max)) {
                correct++;
            }
        }
        return new LossStats(sum, correct, batch);
    }
}
