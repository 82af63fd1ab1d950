package dev.connectome.nas.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.graph.Connection;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightsTest {
    @Test
    void weightOrderMatchesGraphNet() {
        NeuronGraph g = Synthetic.grown(3);
        assertThat(g.hiddenCount()).isGreaterThan(0);
        List<Connection> ordered = WeightInit.ordered(g);
        float[] genome = GraphNet.compile(g).genomeWeights();
        assertThat(ordered).hasSize(genome.length);
        for (int k = 0; k < genome.length; k++) {
            assertThat(ordered.get(k).weight()).isEqualTo(genome[k]);
        }
    }

    @Test
    void heUniformRespectsFanIn() {
        NeuronGraph g = Synthetic.grown(5);
        int[] fan = WeightInit.fanIn(g);
        float[] w = WeightInit.HE_UNIFORM.initialize(g, new SplittableRandom(1));
        for (int k = 0; k < w.length; k++) {
            assertThat(Math.abs(w[k])).isLessThanOrEqualTo((float) Math.sqrt(6.0 / fan[k]));
        }
        // Linear genome: every output has the bias and 4 inputs.
        assertThat(WeightInit.fanIn(Synthetic.linear())).containsOnly(5);
        assertThat(WeightInit.ZERO.initialize(g, new SplittableRandom(1))).containsOnly(0f);
        assertThatThrownBy(() -> WeightInit.parse("xavier")).hasMessageContaining("unknown weight init 'xavier'");
    }

    @Test
    void graphLossMatchesAPlainForwardPass() {
        NeuronGraph g = Synthetic.grown(7);
        GraphNet net = GraphNet.compile(g);
        Dataset d = Synthetic.data(10, 4);
        float[] w = WeightInit.HE_UNIFORM.initialize(g, new SplittableRandom(2));
        float[] out = new float[10 * 3];
        net.forward(d.features(), 10, w, out);
        double ce = 0;
        int correct = 0;
        for (int b = 0; b < 10; b++) {
            double z = 0;
            int arg = 0;
            for (int k = 0; k < 3; k++) {
                z += Math.exp(out[b * 3 + k]);
                arg = out[b * 3 + k] > out[b * 3 + arg] ? k : arg;
            }
            ce += Math.log(z) - out[b * 3 + d.label(b)];
            correct += arg == d.label(b) ? 1 : 0;
        }
        LossStats s = new GraphLoss(net, d, 3).evaluate(w, Parallelism.single());
        assertThat(s.count()).isEqualTo(10);
        assertThat(s.loss()).isCloseTo(ce / 10, within(1e-5));
        assertThat(s.correct()).isEqualTo(correct);
        assertThat(new GraphLoss(net, d, 3).chunkCount()).isEqualTo(4);
    }

    @Test
    void estoolSgdAndAdamSteps() {
        float[] w = {1, 1};
        GradientOptimizer sgd = GradientOptimizer.sgd(2, 2.0, 0.9);
        sgd.step(w, new float[] {1, -2});
        // v = 0.1·g, w −= 2·v
        assertThat(w).containsExactly(new float[] {0.8f, 1.4f}, within(1e-6f));
        sgd.step(w, new float[] {1, -2});
        // v = 0.9·0.1·g + 0.1·g = 0.19·g
        assertThat(w).containsExactly(new float[] {0.8f - 0.38f, 1.4f + 0.76f}, within(1e-6f));
        float[] a = {0, 0};
        GradientOptimizer.adam(2, 0.01, 0.99, 0.999).step(a, new float[] {3, -0.5f});
        assertThat(a).containsExactly(new float[] {-0.01f, 0.01f}, within(1e-6f)); // first Adam step = lr·sign(g)
    }

    @Test
    void adamAndSgdLearnASeparableProblem() {
        WeightsTask task = new WeightsTask(Synthetic.grown(3), Synthetic.splits());
        for (BackpropSettings s : List.of(BackpropSettings.adam(15).withBatchSize(16),
                BackpropSettings.sgd(15).withBatchSize(16).withLearningRate(0.5))) {
            TrainingRun run = new BackpropTrainer(s).train(task, 1, Parallelism.single(), WeightTrainer.Listener.NONE);
            assertThat(run.checkpoints()).hasSize(15);
            assertThat(run.last().trainAccuracy()).as(s.optimizer()).isGreaterThan(0.85);
            assertThat(run.last().testAccuracy()).as(s.optimizer()).isGreaterThan(0.8);
            assertThat(run.last().trainLoss()).isLessThan(run.checkpoints().get(0).trainLoss());
            assertThat(run.best().validationAccuracy()).isGreaterThanOrEqualTo(run.last().validationAccuracy());
        }
    }

    @Test
    void strategiesLearnAndDoNotDependOnThreads() {
        WeightsTask task = new WeightsTask(Synthetic.linear(), Synthetic.splits());
        for (String id : List.of("pepg", "oes", "cmaes")) {
            WeightTrainer t = WeightTrainers.create(id, 300, null);
            TrainingRun one = t.train(task, 5, Parallelism.single(), WeightTrainer.Listener.NONE);
            assertThat(one.last().trainAccuracy()).as(id).isGreaterThan(0.8);
            if (id.equals("pepg")) {
                try (Parallelism two = Parallelism.of(2)) {
                    TrainingRun par = t.train(task, 5, two, WeightTrainer.Listener.NONE);
                    assertThat(par.weights()).containsExactly(one.weights());
                }
            }
        }
        assertThatThrownBy(() -> WeightTrainers.create("lbfgs", 1, null)).hasMessageContaining("unknown optimizer 'lbfgs'");
    }
}
