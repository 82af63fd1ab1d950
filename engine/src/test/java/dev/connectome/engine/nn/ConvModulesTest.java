package dev.connectome.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvModulesTest {
    private final Tape tape = Tape.inference(Parallelism.single());

    @Test
    void conv2dHasPyTorchLayoutNamesAndInitBounds() {
        Conv2d conv = new Conv2d(4, 6, 3, 1, 1, 2, true, new SplittableRandom(1));
        assertThat(conv.namedParameters().keySet()).containsExactly("weight", "bias");
        assertThat(conv.weight().shape()).containsExactly(6, 2, 3, 3);
        double bound = 1 / Math.sqrt(2 * 9); // fan_in = in/groups · k · k
        float max = 0;
        for (float v : conv.weight().data()) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat((double) max).isLessThanOrEqualTo(bound).isGreaterThan(0.8 * bound);
        for (float v : conv.bias().data()) {
            assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound);
        }
        Tensor y = conv.forward(tape, Tensor.zeros(2, 4, 5, 5));
        assertThat(y.shape()).containsExactly(2, 6, 5, 5);
        assertThat(new Conv2d(3, 8, 1, 2, 0, 1, false, new SplittableRandom(2)).namedParameters()).containsOnlyKeys("weight");
    }

    @Test
    void conv2dRejectsWrongInputAndGroups() {
        Conv2d conv = new Conv2d(3, 4, 3, 1, 1, 1, false, new SplittableRandom(1));
        assertThatThrownBy(() -> conv.forward(tape, Tensor.zeros(1, 2, 5, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[N, 3, H, W]");
        assertThatThrownBy(() -> new Conv2d(3, 4, 3, 1, 1, 2, false, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groups=2");
    }

    @Test
    void batchNormUpdatesRunningStatsOnlyInTraining() {
        BatchNorm2d bn = new BatchNorm2d(2, true);
        assertThat(bn.namedParameters().keySet()).containsExactly("weight", "bias");
        Tensor x = GradCheck.uniform(new SplittableRandom(3), 1, 3, 4, 2, 3, 3).copy();
        bn.forward(tape, x);
        float m0 = bn.runningMean()[0];
        assertThat(m0).isBetween(0.1f, 0.3f); // 0.1 · (batch mean in [1, 3])
        bn.train(false);
        Tensor y = bn.forward(tape, x);
        assertThat(bn.runningMean()[0]).isEqualTo(m0);
        // eval: (x − running mean)/√(running var + eps), γ = 1, β = 0
        float expected = (float) ((x.data()[0] - m0) / Math.sqrt(bn.runningVar()[0] + 1e-5));
        assertThat(y.data()[0]).isCloseTo(expected, within(1e-5f));
    }

    @Test
    void batchNormWithoutAffineOrRunningStats() {
        BatchNorm2d bn = new BatchNorm2d(3, false, false, 0.1f, 1e-5f);
        assertThat(bn.namedParameters()).isEmpty();
        assertThat(bn.runningMean()).isNull();
        bn.train(false); // no running stats: batch statistics even in eval
        Tensor y = bn.forward(tape, GradCheck.uniform(new SplittableRandom(4), 5, 6, 2, 3, 2, 2).copy());
        double s = 0;
        for (int i = 0; i < 8; i++) {
            s += y.data()[(i / 4 * 3) * 4 + i % 4];
        }
        assertThat(s).isCloseTo(0, within(1e-4));
    }

    @Test
    void shapesOfParameterFreeModules() {
        Tensor x = Tensor.zeros(2, 3, 5, 5);
        assertThat(new AvgPool2d(3, 1, 1).forward(tape, x).shape()).containsExactly(2, 3, 5, 5);
        assertThat(new AvgPool2d(2, 2, 0).forward(tape, x).shape()).containsExactly(2, 3, 2, 2);
        assertThat(new MaxPool2d(3, 2, 1).forward(tape, x).shape()).containsExactly(2, 3, 3, 3);
        assertThat(new GlobalAvgPool().forward(tape, x).shape()).containsExactly(2, 3);
        assertThat(new Flatten().forward(tape, x).shape()).containsExactly(2, 75);
        assertThat(new Identity().forward(tape, x)).isSameAs(x);
        assertThat(new Zero(1).forward(tape, x).shape()).containsExactly(2, 3, 5, 5);
        assertThat(new Zero(2).forward(tape, x).shape()).containsExactly(2, 3, 3, 3);
        assertThat(new Zero(2).forward(tape, x).requiresGrad()).isFalse();
    }

    @Test
    void zeroGivesZerosWhateverTheInput() {
        Tensor x = GradCheck.uniform(new SplittableRandom(5), -1, 1, 1, 2, 4, 4);
        assertThat(new Zero(2).forward(tape, x).data()).containsOnly(0f);
    }

    @Test
    void reluModuleIsObservedInASequential() {
        Sequential net = new Sequential(new Conv2d(1, 2, 3, 1, 1, 1, true, new SplittableRandom(6)),
                new BatchNorm2d(2, true), new Relu(), new Conv2d(2, 2, 3, 2, 1, 1, false, new SplittableRandom(7)),
                Activation.RELU, new GlobalAvgPool());
        Tape t = Tape.inference(Parallelism.single());
        List<int[]> shapes = new ArrayList<>();
        t.observe((op, input) -> shapes.add(input.shape()));
        Tensor y = net.forward(t, GradCheck.uniform(new SplittableRandom(8), -1, 1, 3, 1, 6, 6));
        assertThat(y.shape()).containsExactly(3, 2);
        assertThat(shapes).hasSize(2);
        assertThat(shapes.get(0)).containsExactly(3, 2, 6, 6);
        assertThat(shapes.get(1)).containsExactly(3, 2, 3, 3);
    }

    @Test
    void smallConvNetGradients() {
        Conv2d c1 = new Conv2d(2, 3, 3, 1, 1, 1, false, new SplittableRandom(9));
        BatchNorm2d bn = new BatchNorm2d(3, true);
        Conv2d c2 = new Conv2d(3, 2, 1, 1, 0, 1, true, new SplittableRandom(10));
        Sequential net = new Sequential(c1, bn, new AvgPool2d(3, 1, 1), c2, new AvgPool2d(2, 2, 0), new Flatten());
        Tensor x = GradCheck.uniform(new SplittableRandom(11), -1, 1, 2, 2, 4, 4);
        List<Tensor> params = new ArrayList<>(net.parameters());
        params.add(x);
        GradCheck.assertGradients(t -> net.forward(t, x), 1e-2, params.toArray(Tensor[]::new));
    }
}
