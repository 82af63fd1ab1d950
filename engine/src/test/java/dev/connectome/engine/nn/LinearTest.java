package dev.connectome.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearTest {
    @Test
    void forwardIsXTimesWPlusBias() {
        Tensor w = Tensor.parameter(new float[] {1, 2, 3, 4, 5, 6}, 2, 3); // [in=2, out=3]
        Tensor b = Tensor.parameter(new float[] {0.5f, -0.5f, 1f}, 3);
        Linear layer = new Linear(w, b);
        Tensor x = Tensor.of(new float[] {1, 1, 2, -1}, 2, 2);
        Tensor y = layer.forward(Tape.inference(Parallelism.single()), x);
        assertThat(y.shape()).containsExactly(2, 3);
        assertThat(y.data()).containsExactly(5.5f, 6.5f, 10f, -1.5f, -1.5f, 1f);
    }

    @Test
    void gradientsOfWeightBiasAndInputMatchFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        Linear layer = new Linear(5, 4, true, Init.torchLinearDefault(), rng);
        Tensor x = GradCheck.uniform(rng, -1, 1, 3, 5);
        GradCheck.assertGradients(t -> layer.forward(t, x), 1e-2, layer.weight(), layer.bias(), x);
    }

    @Test
    void gradientsWithoutBias() {
        SplittableRandom rng = new SplittableRandom(4);
        Linear layer = new Linear(3, 2, false, Init.heNormal(), rng);
        Tensor x = GradCheck.uniform(rng, -1, 1, 4, 3);
        GradCheck.assertGradients(t -> layer.forward(t, x), 1e-2, layer.weight(), x);
        assertThat(layer.bias()).isNull();
        assertThat(layer.namedParameters()).containsOnlyKeys("weight");
    }

    @Test
    void namesShapesAndInitialisation() {
        Linear layer = new Linear(100, 7, true, Init.torchLinearDefault(), new SplittableRandom(5));
        assertThat(layer.namedParameters()).containsOnlyKeys("weight", "bias");
        assertThat(layer.weight().shape()).containsExactly(100, 7);
        assertThat(layer.bias().shape()).containsExactly(7);
        assertThat(layer.parameterCount()).isEqualTo(707);
        for (float v : layer.weight().data()) {
            assertThat(v).isBetween(-0.1f, 0.1f);
        }
        double biasAbs = 0;
        for (float v : layer.bias().data()) {
            assertThat(v).isBetween(-0.1f, 0.1f);
            biasAbs += Math.abs(v);
        }
        assertThat(biasAbs).as("bias is initialised, not zero").isGreaterThan(0);
        assertThat(layer.weight().requiresGrad()).isTrue();
    }

    @Test
    void rejectsWrongInputShapeNamingBothShapes() {
        Linear layer = new Linear(4, 2, true, Init.heUniform(), new SplittableRandom(1));
        Tape tape = Tape.inference(Parallelism.single());
        assertThatThrownBy(() -> layer.forward(tape, Tensor.zeros(3, 5)))
                .hasMessageContaining("[batch, 4]").hasMessageContaining("[3, 5]");
        assertThatThrownBy(() -> new Linear(0, 2, true, Init.heUniform(), new SplittableRandom(1)))
                .hasMessageContaining("in=0");
        assertThatThrownBy(() -> new Linear(Tensor.parameter(new float[6], 2, 3), Tensor.parameter(new float[2], 2)))
                .hasMessageContaining("bias");
    }

    @Test
    void trainingAccumulatesGradientsIntoTheParameters() {
        Tensor w = Tensor.parameter(new float[] {1, 2}, 2, 1);
        Tensor b = Tensor.parameter(new float[] {0}, 1);
        Linear layer = new Linear(w, b);
        Tape tape = Tape.training(Parallelism.single());
        Tensor y = layer.forward(tape, Tensor.of(new float[] {3, 4}, 1, 2));
        tape.backward(y);
        assertThat(y.item()).isCloseTo(11f, within(1e-6f));
        assertThat(w.grad()).containsExactly(3f, 4f);
        assertThat(b.grad()).containsExactly(1f);
    }
}
