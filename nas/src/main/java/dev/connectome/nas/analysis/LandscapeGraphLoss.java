package dev.connectome.nas.analysis;

import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.graph.AffineGraphNet;
import dev.connectome.nas.graph.AffineGraphPlane;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.NodeMajorChunks;
import dev.connectome.nas.graph.NodeMajorInput;

/**
 * Softmax cross-entropy and accuracy of a WANN genome's per-connection weights on a fixed data set,
 * as {@code GraphLoss} computes them, but evaluating a landscape's plane of weight vectors through
 * {@link AffineGraphNet}: the input-sourced part of every node's pre-activation is precomputed once
 * per chunk and task, after which a grid point costs one FMA per node plus the hidden-sourced
 * connections instead of a full forward pass. Exact up to float rounding. Immutable and thread-safe.
 */
public final class LandscapeGraphLoss implements LandscapeObjective {
    /**
     * Samples per chunk: a prepared chunk holds three rows per node (97 nodes × 3 × 256 floats ≈ 300 KB
     * for the MNIST256 WANN), which stays in a 1 MB L2 while the whole plane is evaluated on it.
     */
    public static final int DEFAULT_CHUNK = 256;

    private final AffineGraphNet net;
    private final NodeMajorInput[] chunks;
    private final int[][] labels;
    private final int size;

    public LandscapeGraphLoss(NeuronGraph graph, Dataset data) {
        this(AffineGraphNet.compile(graph), data, DEFAULT_CHUNK);
    }

    public LandscapeGraphLoss(AffineGraphNet net, Dataset data, int chunkSize) {
        NodeMajorChunks c = NodeMajorChunks.of(data, net.inputCount(), net.outputCount(), chunkSize);
        this.net = net;
        this.size = c.size();
        this.chunks = c.inputs();
        this.labels = c.labels();
    }

    public AffineGraphNet net() {
        return net;
    }

    public int size() {
        return size;
    }

    @Override
    public int chunkCount() {
        return chunks.length;
    }

    @Override
    public void accumulate(int chunk, float[] params, double[] acc) {
        float[] zero = new float[params.length];
        AffineGraphPlane p = net.plane(chunks[chunk], labels[chunk], params, zero, zero);
        p.accumulateRow(0f, new float[] {0f}, acc, 0);
    }

    @Override
    public void accumulatePlane(int chunk, float[] centre, float[] d1, float[] d2, float[] a1, float[] a2,
                                double[] acc) {
        AffineGraphPlane p = net.plane(chunks[chunk], labels[chunk], centre, d1, d2);
        for (int i = 0; i < a1.length; i++) {
            p.accumulateRow(a1[i], a2, acc, 3 * i * a2.length);
        }
    }
}
