package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GraphNetTest {
    private static final float[] SHARED = {-2f, -1f, -0.5f, 0.5f, 1f, 2f};

    @Property(tries = 120)
    void compiledEvaluationEqualsNaivePerNodeEvaluation(
            @ForAll @IntRange(min = 1, max = 6) int inputs, @ForAll @IntRange(min = 1, max = 3) int outputs,
            @ForAll @IntRange(min = 0, max = 50) int mutations, @ForAll @IntRange(min = 1, max = 70) int batch,
            @ForAll @IntRange(min = 0, max = 5) int weightIndex, @ForAll long seed) {
        NeuronGraph g = Genomes.random(inputs, outputs, mutations, Genomes.ALL, seed);
        GraphNet net = GraphNet.compile(g);
        float[] x = Genomes.uniform(batch * inputs, -1f, 1f, seed + 1);
        float[] w = Genomes.uniform(net.weightCount(), -2f, 2f, seed + 2);
        Map<Connection, Float> wm = NaiveEvaluator.weightMap(g, net, w);
        float shared = SHARED[weightIndex];
        float[] outShared = new float[batch * outputs];
        float[] outWeights = new float[batch * outputs];
        net.forwardShared(x, batch, shared, outShared);
        net.forward(x, batch, w, outWeights);
        NaiveEvaluator naive = new NaiveEvaluator();
        double[][] expShared = new double[batch][];
        double[][] expWeights = new double[batch][];
        for (int b = 0; b < batch; b++) {
            expShared[b] = naive.evaluate(g, x, b, shared, null);
            expWeights[b] = naive.evaluate(g, x, b, Float.NaN, wm);
        }
        // sin(πx) of a huge x, or a step right at 0, are ill-conditioned in float: skip those draws.
        Assume.that(naive.maxAbsPre < 200 && naive.minAbsStepPre > 1e-3);
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < outputs; o++) {
                assertClose(outShared[b * outputs + o], expShared[b][o], "shared, sample " + b + " output " + o);
                assertClose(outWeights[b * outputs + o], expWeights[b][o], "weights, sample " + b + " output " + o);
            }
        }
    }

    private static void assertClose(float actual, double expected, String what) {
        assertThat((double) actual).as(what).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-3 * (1 + Math.abs(expected))));
    }

    @Test
    void sharedWeightEqualsPerConnectionWeightsAllEqual() {
        NeuronGraph g = Genomes.random(4, 2, 40, Genomes.ALL, 99);
        GraphNet net = GraphNet.compile(g);
        float[] x = Genomes.uniform(33 * 4, -1f, 1f, 5);
        for (float s : SHARED) {
            float[] a = new float[66];
            float[] b = new float[66];
            net.forwardShared(x, 33, s, a);
            float[] w = new float[net.weightCount()];
            java.util.Arrays.fill(w, s);
            net.forward(x, 33, w, b);
            assertThat(a).containsExactly(b, org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    @Property(tries = 40)
    void sweepOverSharedWeightsEqualsOneCallPerWeight(@ForAll @IntRange(min = 0, max = 60) int mutations,
                                                      @ForAll @IntRange(min = 1, max = 40) int batch, @ForAll long seed) {
        NeuronGraph g = Genomes.random(6, 3, mutations, Genomes.ALL, seed);
        GraphNet net = GraphNet.compile(g);
        NodeMajorInput in = NodeMajorInput.of(Genomes.uniform(batch * 6, -1f, 1f, seed), batch, 6);
        float[] scratch = new float[net.scratchSize(batch)];
        java.util.Arrays.fill(scratch, Float.NaN); // stale scratch must not matter
        float[] all = new float[SHARED.length * batch * 3];
        net.forwardShared(in, SHARED, all, scratch);
        for (int k = 0; k < SHARED.length; k++) {
            float[] one = new float[batch * 3];
            net.forwardShared(in, SHARED[k], one, new float[net.scratchSize(batch)]);
            float[] part = java.util.Arrays.copyOfRange(all, k * batch * 3, (k + 1) * batch * 3);
            // Same sums in the same order, only regrouped as w·(Σ inputs + Σ hidden): equal up to rounding.
            for (int i = 0; i < one.length; i++) {
                assertThat(part[i]).as("weight %s value %d", SHARED[k], i)
                        .isCloseTo(one[i], org.assertj.core.data.Offset.offset(1e-4f * (1 + Math.abs(one[i]))));
            }
        }
    }

    @Property(tries = 40)
    void sharedWeightFitnessEqualsForwardThenSoftmaxFitness(@ForAll @IntRange(min = 0, max = 60) int mutations,
                                                            @ForAll @IntRange(min = 1, max = 90) int batch,
                                                            @ForAll long seed) {
        NeuronGraph g = Genomes.random(6, 4, mutations, Genomes.ALL, seed);
        GraphNet net = GraphNet.compile(g);
        NodeMajorInput in = NodeMajorInput.of(Genomes.uniform(batch * 6, -1f, 1f, seed), batch, 6);
        int[] labels = new int[batch];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int b = 0; b < batch; b++) {
            labels[b] = rng.nextInt(4);
        }
        float[] scratch = new float[net.scratchSize(batch)];
        java.util.Arrays.fill(scratch, Float.NaN); // stale scratch must not matter
        double[] fitness = new double[SHARED.length];
        net.sharedWeightFitness(in, SHARED, labels, fitness, scratch);
        float[] all = new float[SHARED.length * batch * 4];
        net.forwardShared(in, SHARED, all, new float[net.scratchSize(batch)]);
        for (int k = 0; k < SHARED.length; k++) {
            double expected = SoftmaxFitness.negativeMeanCrossEntropy(all, k * batch * 4, labels, batch, 4);
            if (Double.isFinite(expected)) {
                assertThat(fitness[k]).as("weight %s", SHARED[k])
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5 * (1 + Math.abs(expected))));
            } else {
                assertThat(fitness[k]).as("weight %s", SHARED[k]).isEqualTo(expected);
            }
        }
        assertThatThrownBy(() -> net.sharedWeightFitness(in, SHARED, new int[batch], new double[2], scratch))
                .hasMessageContaining("fitness slots");
        int[] bad = labels.clone();
        bad[batch - 1] = 4;
        assertThatThrownBy(() -> net.sharedWeightFitness(in, SHARED, bad, fitness, scratch))
                .hasMessageContaining("label 4 of sample " + (batch - 1));
    }

    @Test
    void preparedInputAndScratchGiveTheSameOutputs() {
        NeuronGraph g = Genomes.random(5, 3, 30, Genomes.ALL, 4);
        GraphNet net = GraphNet.compile(g);
        float[] x = Genomes.uniform(17 * 5, -1f, 1f, 8);
        NodeMajorInput in = NodeMajorInput.of(x, 17, 5);
        float[] scratch = new float[net.scratchSize(17)];
        float[] a = new float[51];
        float[] b = new float[51];
        net.forwardShared(x, 17, -1.5f, a);
        net.forwardShared(in, -1.5f, b, scratch);
        assertThat(b).containsExactly(a);
        net.forwardShared(in, -1.5f, b, scratch); // scratch reuse must not leak state
        assertThat(b).containsExactly(a);
    }

    @Test
    void weightOrderIsRowMajorOverTheEvaluationOrder() {
        // bias→h, in→h, in→out, h→out with hidden first: wKey order = (0,h) (1,h) (1,out) (h,out).
        NeuronGraph g = NeuronGraph.of(1, 1, List.of(new Node(0, NodeKind.BIAS, 1), new Node(1, NodeKind.INPUT, 1),
                new Node(2, NodeKind.OUTPUT, 1), new Node(3, NodeKind.HIDDEN, 1)),
                List.of(new Connection(0, 3, 2, 4f, true), new Connection(1, 1, 2, 3f, true),
                        new Connection(2, 1, 3, 2f, true), new Connection(3, 0, 3, 1f, true),
                        new Connection(4, 0, 2, 9f, false)));
        GraphNet net = GraphNet.compile(g);
        assertThat(net.genomeWeights()).containsExactly(1f, 2f, 3f, 4f);
        float[] out = new float[1];
        net.forward(new float[] {0.5f}, 1, net.genomeWeights(), out);
        assertThat(out[0]).isEqualTo(4f * (1f + 2f * 0.5f) + 3f * 0.5f);
        assertThatThrownBy(() -> net.forward(new float[] {0.5f}, 1, new float[3], out))
                .hasMessageContaining("expected 4 weights");
    }

    @Test
    void autogradMatchesTheFastForwardAndFiniteDifferences() {
        for (long seed = 1; seed <= 6; seed++) {
            NeuronGraph g = Genomes.random(3, 2, 25, Genomes.SMOOTH, seed);
            GraphNet net = GraphNet.compile(g);
            int batch = 5;
            float[] x = Genomes.uniform(batch * 3, -0.8f, 0.8f, seed);
            float[] w = Genomes.uniform(net.weightCount(), -1f, 1f, seed + 7);
            float[] fast = new float[batch * 2];
            net.forward(x, batch, w, fast);
            Tensor xt = Tensor.parameter(x.clone(), batch, 3);
            Tensor wt = Tensor.parameter(w.clone(), net.weightCount());
            Tape tape = Tape.training(Parallelism.single());
            Tensor y = net.forward(tape, xt, wt);
            assertThat(y.shape()).containsExactly(batch, 2);
            assertThat(y.data()).containsExactly(fast, org.assertj.core.data.Offset.offset(1e-6f));
            FiniteDifference.assertGradients(t -> net.forward(t, xt, wt), seed, xt, wt);
        }
    }

    @Test
    void rejectsWrongShapes() {
        GraphNet net = GraphNet.compile(NeuronGraph.initial(3, 2, 1.0, new SplittableRandom(1)));
        Tape tape = Tape.training(Parallelism.single());
        assertThatThrownBy(() -> net.forward(tape, Tensor.zeros(4, 2), Tensor.zeros(8)))
                .hasMessageContaining("x must be [batch, 3]");
        assertThatThrownBy(() -> net.forwardShared(new float[5], 2, 1f, new float[4]))
                .hasMessageContaining("x has 5 values");
    }
}
