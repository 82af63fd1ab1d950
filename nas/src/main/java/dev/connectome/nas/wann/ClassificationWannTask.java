package dev.connectome.nas.wann;

import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.NodeMajorInput;
import dev.connectome.nas.graph.SoftmaxFitness;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Classification as a WANN task (WANNRelease {@code classify_gym.py}): a rollout takes a batch of
 * training samples drawn by a permutation seeded with the rollout seed and returns the negative mean
 * cross-entropy of the softmax of the network's outputs. Test accuracy is by argmax; the ensemble
 * predicts by majority vote over weight settings.
 *
 * <p>Cross-entropy is computed as log-sum-exp minus the label's output ({@link SoftmaxFitness},
 * vectorised over the batch), so a saturated softmax gives a large finite loss where numpy's
 * {@code -log(0)} would give infinity; a non-finite output gives NaN (the genome counts as failed).
 */
public final class ClassificationWannTask implements WannTask {

    private static final int CHUNK = 1000;

    private final String id;
    private final Dataset train;
    private final int batchSize;

    /**
     * @param id        task id, e.g. "mnist256"
     * @param train     training samples (flattened to inputs), labels 0..outputs-1
     * @param batchSize samples per rollout (1000 in the paper), at most the training set size
     */
    public ClassificationWannTask(String id, Dataset train, int batchSize) {
        if (batchSize < 1 || batchSize > train.size()) {
            throw new IllegalArgumentException("batch size must be in 1.." + train.size() + ", got " + batchSize);
        }
        this.id = id;
        this.train = train;
        this.batchSize = batchSize;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int inputs() {
        return train.sampleSize();
    }

    @Override
    public int outputs() {
        return train.numClasses();
    }

    /** The training data rollouts draw from. */
    public Dataset train() {
        return train;
    }

    @Override
    public double[][] rewards(NeuronGraph g, List<ConnectionWeights> weights, long[] seeds) {
        checkShape(g);
        GraphNet net = GraphNet.compile(g);
        int classes = outputs();
        float[] sweep = sharedValues(weights);
        int perWeight = batchSize * classes;
        float[] out = sweep != null ? null : new float[perWeight];
        double[] fitness = sweep != null ? new double[sweep.length] : null;
        float[] scratch = new float[net.scratchSize(batchSize)];
        double[][] rewards = new double[weights.size()][seeds.length];
        for (int r = 0; r < seeds.length; r++) {
            Batch b = batch(seeds[r]);
            if (sweep != null) {
                // WANN's weight sweep in one pass: the bias/input sums are shared by all weights, and the
                // fitness is read straight from the node-major output rows (no logits copy).
                net.sharedWeightFitness(b.input(), sweep, b.labels(), fitness, scratch);
                for (int w = 0; w < sweep.length; w++) {
                    rewards[w][r] = fitness[w];
                }
            } else {
                for (int w = 0; w < weights.size(); w++) {
                    weights.get(w).forward(net, b.input(), out, scratch);
                    rewards[w][r] = SoftmaxFitness.negativeMeanCrossEntropy(out, 0, b.labels(), batchSize, classes);
                }
            }
        }
        return rewards;
    }

    /** The values when every setting is a shared weight, else null. */
    private static float[] sharedValues(List<ConnectionWeights> weights) {
        float[] v = new float[weights.size()];
        for (int i = 0; i < v.length; i++) {
            if (!(weights.get(i) instanceof ConnectionWeights.Shared s)) {
                return null;
            }
            v[i] = s.value();
        }
        return v;
    }

    /** A rollout's samples, transposed once and shared by every genome of a generation. */
    private record Batch(NodeMajorInput input, int[] labels) {
    }

    /** Recent batches by seed: a generation evaluates hundreds of genomes on the same one or few seeds. */
    private final java.util.Map<Long, Batch> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Long, Batch> eldest) {
                    return size() > 8;
                }
            });

    private Batch batch(long seed) {
        Batch b = recent.get(seed);
        if (b != null) {
            return b;
        }
        int in = inputs();
        float[] x = new float[batchSize * in];
        int[] y = new int[batchSize];
        int[] idx = firstOfPermutation(train.size(), batchSize, seed);
        for (int i = 0; i < batchSize; i++) {
            train.copySample(idx[i], x, i * in);
            y[i] = train.label(idx[i]);
        }
        b = new Batch(NodeMajorInput.of(x, batchSize, in), y);
        recent.put(seed, b);
        return b;
    }

    /** The first {@code k} entries of a uniform permutation of 0..n-1 (partial Fisher–Yates). */
    static int[] firstOfPermutation(int n, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return java.util.Arrays.copyOf(perm, k);
    }

    /** Mean of −log softmax(out)[label] over the batch, in double (the reference {@link SoftmaxFitness} is tested against). */
    static double meanCrossEntropy(float[] out, int[] labels, int batch, int classes) {
        double sum = 0;
        for (int i = 0; i < batch; i++) {
            int o = i * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, out[o + c]);
            }
            double z = 0;
            for (int c = 0; c < classes; c++) {
                z += Math.exp(out[o + c] - max);
            }
            sum += max + Math.log(z) - out[o + labels[i]];
        }
        return sum / batch;
    }

    /**
     * A data set cut into node-major chunks once, so that scoring one network under many weight
     * settings (random draws, the ensemble, a tuning sweep) transposes the images only once.
     */
    public static final class Prepared {
        private final Dataset data;
        private final List<NodeMajorInput> chunks;

        private Prepared(Dataset data, List<NodeMajorInput> chunks) {
            this.data = data;
            this.chunks = chunks;
        }

        /** Transposes {@code data} in chunks of 1,000 samples. */
        public static Prepared of(Dataset data) {
            int in = data.sampleSize();
            List<NodeMajorInput> chunks = new java.util.ArrayList<>();
            float[] x = new float[CHUNK * in];
            for (int from = 0; from < data.size(); from += CHUNK) {
                int n = Math.min(CHUNK, data.size() - from);
                for (int i = 0; i < n; i++) {
                    data.copySample(from + i, x, i * in);
                }
                chunks.add(NodeMajorInput.of(x, n, in));
            }
            return new Prepared(data, List.copyOf(chunks));
        }

        public Dataset data() {
            return data;
        }
    }

    /** Argmax predictions of {@code net} under {@code weights} for every sample of {@code data}. */
    public static int[] predict(GraphNet net, ConnectionWeights weights, Dataset data) {
        return predict(net, weights, Prepared.of(data));
    }

    /** As {@link #predict(GraphNet, ConnectionWeights, Dataset)} on prepared data. */
    public static int[] predict(GraphNet net, ConnectionWeights weights, Prepared data) {
        int classes = net.outputCount();
        int[] pred = new int[data.data().size()];
        forEachChunk(net, weights, data, (from, n, out) -> {
            for (int i = 0; i < n; i++) {
                pred[from + i] = argmax(out, i * classes, classes);
            }
        });
        return pred;
    }

    /** Fraction of {@code data} classified correctly by argmax. */
    public static double accuracy(GraphNet net, ConnectionWeights weights, Dataset data) {
        return accuracyOf(predict(net, weights, data), data);
    }

    /** Fraction of prepared data classified correctly by argmax. */
    public static double accuracy(GraphNet net, ConnectionWeights weights, Prepared data) {
        return accuracyOf(predict(net, weights, data), data.data());
    }

    /**
     * Majority vote of the argmax predictions under each weight setting; a tied vote goes to the class
     * with the larger summed softmax probability among the tied ones.
     */
    public static int[] ensemblePredict(GraphNet net, List<ConnectionWeights> weights, Dataset data) {
        return ensemblePredict(net, weights, Prepared.of(data));
    }

    /** As {@link #ensemblePredict(GraphNet, List, Dataset)} on prepared data. */
    public static int[] ensemblePredict(GraphNet net, List<ConnectionWeights> weights, Prepared prepared) {
        Dataset data = prepared.data();
        int classes = net.outputCount();
        int[][] votes = new int[data.size()][classes];
        double[][] prob = new double[data.size()][classes];
        for (ConnectionWeights w : weights) {
            forEachChunk(net, w, prepared, (from, n, out) -> {
                for (int i = 0; i < n; i++) {
                    int o = i * classes;
                    votes[from + i][argmax(out, o, classes)]++;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int c = 0; c < classes; c++) {
                        max = Math.max(max, out[o + c]);
                    }
                    double z = 0;
                    for (int c = 0; c < classes; c++) {
                        z += Math.exp(out[o + c] - max);
                    }
                    for (int c = 0; c < classes; c++) {
                        prob[from + i][c] += Math.exp(out[o + c] - max) / z;
                    }
                }
            });
        }
        int[] pred = new int[data.size()];
        for (int i = 0; i < pred.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (votes[i][c] > votes[i][best] || (votes[i][c] == votes[i][best] && prob[i][c] > prob[i][best])) {
                    best = c;
                }
            }
            pred[i] = best;
        }
        return pred;
    }

    /** Fraction of {@code data} the ensemble classifies correctly. */
    public static double ensembleAccuracy(GraphNet net, List<ConnectionWeights> weights, Dataset data) {
        return accuracyOf(ensemblePredict(net, weights, data), data);
    }

    /** Fraction of prepared data the ensemble classifies correctly. */
    public static double ensembleAccuracy(GraphNet net, List<ConnectionWeights> weights, Prepared data) {
        return accuracyOf(ensemblePredict(net, weights, data), data.data());
    }

    static double accuracyOf(int[] pred, Dataset data) {
        int correct = 0;
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] == data.label(i)) {
                correct++;
            }
        }
        return pred.length == 0 ? Double.NaN : (double) correct / pred.length;
    }

    /** Index of the largest value (NaN never wins; all-NaN gives 0). */
    static int argmax(float[] v, int off, int n) {
        int best = 0;
        for (int c = 1; c < n; c++) {
            if (v[off + c] > v[off + best] || Float.isNaN(v[off + best])) {
                best = c;
            }
        }
        return best;
    }

    private interface ChunkConsumer {
        void accept(int from, int n, float[] out);
    }

    private static void forEachChunk(GraphNet net, ConnectionWeights weights, Prepared prepared, ChunkConsumer consumer) {
        Dataset data = prepared.data();
        int in = data.sampleSize();
        if (in != net.inputCount() || data.numClasses() != net.outputCount()) {
            throw new IllegalArgumentException("data " + data.name() + " has " + in + " inputs and " + data.numClasses()
                    + " classes, but the network has " + net.inputCount() + " inputs and " + net.outputCount() + " outputs");
        }
        float[] out = new float[CHUNK * net.outputCount()];
        float[] scratch = new float[net.scratchSize(CHUNK)];
        int from = 0;
        for (NodeMajorInput chunk : prepared.chunks) {
            weights.forward(net, chunk, out, scratch);
            consumer.accept(from, chunk.batch(), out);
            from += chunk.batch();
        }
    }
}
