package dev.connectome.nas.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.es.Population;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.task.control.CartPoleSwingUp;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ControlWeightsTest {

    /** A linear policy: bias and the five swing-up observations straight into the action. */
    private static NeuronGraph linear() {
        return NeuronGraph.initial(5, 1, 1.0, new SplittableRandom(0));
    }

    private static ControlWeightsTask task() {
        return new ControlWeightsTask(linear(), CartPoleSwingUp.hard(), -1.5f, 4, 4, 8);
    }

    @Test
    void pepgRaisesTheSwingUpReturnWellAboveTheStart() {
        ControlWeightsTask task = task();
        EsTrainingSettings s = new EsTrainingSettings(40, 2, 10, new WeightInit.Shared(0f));
        TrainingRun run = WeightTrainers.strategy("pepg", s).train(task, 3, Parallelism.single(), WeightTrainer.Listener.NONE);
        double start = task.checkpoint(0, new float[6], 0, Parallelism.single()).testAccuracy();
        assertThat(run.checkpoints()).hasSize(4);
        assertThat(start).isLessThan(5); // the pole hangs: reward ≈ 0.01 per step
        assertThat(run.best().testAccuracy()).isGreaterThan(start + 10);
        assertThat(run.best().testLoss()).isEqualTo(-run.best().testAccuracy());
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() {
        ControlWeightsTask task = task();
        EsTrainer t = WeightTrainers.strategy("pepg", new EsTrainingSettings(5, 2, 5, WeightInit.ZERO));
        TrainingRun one = t.train(task, 7, Parallelism.single(), WeightTrainer.Listener.NONE);
        try (Parallelism two = Parallelism.of(2)) {
            TrainingRun par = t.train(task, 7, two, WeightTrainer.Listener.NONE);
            assertThat(par.weights()).containsExactly(one.weights());
            assertThat(par.last()).usingRecursiveComparison().ignoringFields("seconds").isEqualTo(one.last());
        }
    }

    @Test
    void aGenerationJudgesEveryCandidateOnTheSameStarts() {
        ControlWeightsTask task = task();
        Population.Fitness f = task.generationFitness(3, new SplittableRandom(1));
        float[] w = {0.3f, -0.2f, 0.1f, 0.5f, 1f, 0.2f};
        assertThat(f.evaluate(w, 0)).isEqualTo(f.evaluate(w, 17));
        Population.Fitness other = task.generationFitness(3, new SplittableRandom(2));
        assertThat(other.evaluate(w, 0)).isNotEqualTo(f.evaluate(w, 0));
    }

    @Test
    void paramsAreWeightsMinusTheTaskBias() {
        // WANNTool: μ = 0 runs every connection at the weight bias, and the weights come back as weights.
        ControlWeightsTask task = task();
        TrainingRun run = WeightTrainers.strategy("pepg", new EsTrainingSettings(1, 1, 1, WeightInit.ZERO).withInit(
                new WeightInit.Shared(-1.5f))).train(task, 1, Parallelism.single(), WeightTrainer.Listener.NONE);
        for (float w : run.weights()) {
            assertThat(w).isBetween(-1.6f, -1.4f); // one Adam step of 0.01 from −1.5
        }
    }

    @Test
    void rejectsAGenomeOfTheWrongShape() {
        NeuronGraph mnistLike = NeuronGraph.initial(4, 3, 1.0, new SplittableRandom(0));
        assertThatThrownBy(() -> new ControlWeightsTask(mnistLike, CartPoleSwingUp.hard(), -1.5f, 1, 1, 1))
                .hasMessageContaining("needs 5 inputs and 1 outputs, but the genome has 4 and 3");
        assertThatThrownBy(() -> WeightTrainers.strategy("adam", EsTrainingSettings.of(1)))
                .hasMessageContaining("'adam' is not an evolution strategy");
        assertThat(WeightInit.parse("shared:-1")).isEqualTo(new WeightInit.Shared(-1f));
        assertThatThrownBy(() -> WeightInit.parse("shared:x")).hasMessageContaining("'x' is not a number");
    }
}
