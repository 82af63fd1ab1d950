package dev.connectome.nas.wann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.graph.Mutations;
import dev.connectome.nas.graph.NeuronGraph;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassificationWannTaskTest {

    private static final int INPUTS = 12;
    private static final int CLASSES = 4;
    private static final double[] WEIGHTS = WannSettings.STANDARD_WEIGHTS;

    /** Random features in [0, 1), labels by the largest of the first four features (learnable, not trivial). */
    private static Dataset data(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * INPUTS];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < INPUTS; j++) {
                x[i * INPUTS + j] = (float) rng.nextDouble();
            }
            int best = 0;
            for (int c = 1; c < CLASSES; c++) {
                best = x[i * INPUTS + c] > x[i * INPUTS + best] ? c : best;
            }
            y[i] = best;
        }
        return Dataset.of("toy", x, y, new int[] {INPUTS}, Dataset.numberedClasses(CLASSES));
    }

    /** A grown genome with hidden nodes of several activations. */
    private static NeuronGraph genome(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        NeuronGraph g = NeuronGraph.initial(INPUTS, CLASSES, 0.5, rng);
        for (int i = 0; i < 30; i++) {
            g = Mutations.mutate(g, MutationSettings.mnist256(), rng);
        }
        return g;
    }

    /** The straightforward evaluation: one forward pass per weight, double-precision cross-entropy. */
    private static double reference(ClassificationWannTask task, NeuronGraph g, ConnectionWeights w, long seed) {
        int batch = 150;
        Dataset train = task.train();
        int[] idx = ClassificationWannTask.firstOfPermutation(train.size(), batch, seed);
        float[] x = new float[batch * INPUTS];
        int[] y = new int[batch];
        for (int i = 0; i < batch; i++) {
            train.copySample(idx[i], x, i * INPUTS);
            y[i] = train.label(idx[i]);
        }
        float[] out = new float[batch * CLASSES];
        w.forward(GraphNet.compile(g), x, batch, out);
        return -ClassificationWannTask.meanCrossEntropy(out, y, batch, CLASSES);
    }

    @Test
    void sharedWeightSweepMatchesOnePassPerWeight() {
        ClassificationWannTask task = new ClassificationWannTask("toy", data(400, 1), 150);
        for (long s = 0; s < 5; s++) {
            NeuronGraph g = genome(s);
            long[] seeds = {11 + s, 12 + s};
            double[][] r = task.rewards(g, ConnectionWeights.shared(WEIGHTS), seeds);
            assertThat(r).hasDimensions(WEIGHTS.length, seeds.length);
            for (int w = 0; w < WEIGHTS.length; w++) {
                for (int k = 0; k < seeds.length; k++) {
                    double expect = reference(task, g, new ConnectionWeights.Shared((float) WEIGHTS[w]), seeds[k]);
                    assertThat(r[w][k]).as("genome %d weight %s rollout %d", s, WEIGHTS[w], k)
                            .isCloseTo(expect, within(1e-4 * (1 + Math.abs(expect))));
                }
            }
        }
    }

    @Test
    void perConnectionWeightsTakeThePerWeightPath() {
        ClassificationWannTask task = new ClassificationWannTask("toy", data(400, 2), 150);
        NeuronGraph g = genome(7);
        float[] values = new float[GraphNet.compile(g).weightCount()];
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) rng.nextDouble(-2, 2);
        }
        List<ConnectionWeights> ws = List.of(new ConnectionWeights.PerConnection(values), new ConnectionWeights.Shared(-1f));
        double[][] r = task.rewards(g, ws, new long[] {5});
        for (int w = 0; w < ws.size(); w++) {
            double expect = reference(task, g, ws.get(w), 5);
            assertThat(r[w][0]).isCloseTo(expect, within(1e-4 * (1 + Math.abs(expect))));
        }
    }

    @Test
    void preparedDataScoresLikeTheDataSet() {
        Dataset test = data(2_345, 4); // not a multiple of the 1,000-sample chunk
        ClassificationWannTask.Prepared prepared = ClassificationWannTask.Prepared.of(test);
        GraphNet net = GraphNet.compile(genome(9));
        for (double w : WEIGHTS) {
            ConnectionWeights cw = new ConnectionWeights.Shared((float) w);
            assertThat(ClassificationWannTask.predict(net, cw, prepared)).containsExactly(ClassificationWannTask.predict(net, cw, test));
            assertThat(ClassificationWannTask.accuracy(net, cw, prepared)).isEqualTo(ClassificationWannTask.accuracy(net, cw, test));
        }
        List<ConnectionWeights> all = ConnectionWeights.shared(WEIGHTS);
        int[] ensemble = ClassificationWannTask.ensemblePredict(net, all, prepared);
        assertThat(ensemble).containsExactly(ClassificationWannTask.ensemblePredict(net, all, test));
        // Direct check of the first sample: the vote of the per-weight argmaxes.
        int[] votes = new int[CLASSES];
        for (ConnectionWeights cw : all) {
            votes[ClassificationWannTask.predict(net, cw, prepared)[0]]++;
        }
        int max = java.util.Arrays.stream(votes).max().orElseThrow();
        assertThat(votes[ensemble[0]]).isEqualTo(max);
    }

    @Test
    void overflowingOutputsNeverGiveAnInfiniteReward() {
        ClassificationWannTask task = new ClassificationWannTask("toy", data(200, 5), 100);
        // A huge shared weight drives the linear outputs to infinity through stacked hidden nodes.
        double[][] r = task.rewards(genome(3), List.of(new ConnectionWeights.Shared(Float.MAX_VALUE)), new long[] {1});
        assertThat(r[0][0]).satisfiesAnyOf(v -> assertThat(v).isNaN(), v -> assertThat(v).isFinite());
    }
}
