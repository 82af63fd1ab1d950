package dev.connectome.nas.graph;

import dev.connectome.nas.data.Dataset;
import java.util.Arrays;

/**
 * A labelled data set cut into consecutive chunks, each transposed to {@link NodeMajorInput} once, so
 * that many weight vectors (a population, a landscape's grid) can be evaluated on a chunk while it sits
 * in cache. The arrays are owned by this value and never modified after construction.
 *
 * @param inputs node-major input of each chunk
 * @param labels class labels of each chunk, aligned with {@code inputs}
 * @param size total number of samples
 */
public record NodeMajorChunks(NodeMajorInput[] inputs, int[][] labels, int size) {

    /**
     * Chunks {@code data} for a network with {@code inputCount} inputs and {@code outputCount} outputs.
     *
     * @throws IllegalArgumentException when the data set does not fit the network, is empty, or the
     *     chunk size is not positive
     */
    public static NodeMajorChunks of(Dataset data, int inputCount, int outputCount, int chunkSize) {
        if (data.sampleSize() != inputCount) {
            throw new IllegalArgumentException("data set " + data.name() + " has " + data.sampleSize()
                    + " features per sample but the network has " + inputCount + " inputs");
        }
        if (data.numClasses() > outputCount) {
            throw new IllegalArgumentException("data set " + data.name() + " has " + data.numClasses()
                    + " classes but the network has " + outputCount + " outputs");
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("data set " + data.name() + " is empty");
        }
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be >= 1, got " + chunkSize);
        }
        int size = data.size();
        int n = (size + chunkSize - 1) / chunkSize;
        NodeMajorInput[] inputs = new NodeMajorInput[n];
        int[][] labels = new int[n][];
        float[] x = data.features();
        for (int c = 0; c < n; c++) {
            int from = c * chunkSize;
            int to = Math.min(size, from + chunkSize);
            inputs[c] = NodeMajorInput.of(Arrays.copyOfRange(x, from * inputCount, to * inputCount),
                    to - from, inputCount);
            labels[c] = Arrays.copyOfRange(data.labels(), from, to);
        }
        return new NodeMajorChunks(inputs, labels, size);
    }

    public int count() {
        return inputs.length;
    }
}
