package dev.connectome.nas.subspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LeNetTest {
    @Test
    void mnistLeNetHasLiEtAlsParameterCountAndTenLogits() {
        Module net = LeNet.forFeatures(784, 10, new SplittableRandom(1));
        assertThat(net.parameterCount()).isEqualTo(LeNet.MNIST_PARAMETERS);
        Tape tape = Tape.inference(Parallelism.single());
        float[] x = ProjectionContractTest.gaussian(3 * 784, 2);
        Tensor y = net.forward(tape, tape.input(x, 0, 3, 784));
        assertThat(y.shape()).containsExactly(3, 10);
        for (float v : y.data()) {
            assertThat(v).isFinite();
        }
    }

    @Test
    void trainsInAFastfoodSubspaceWithGradientsOnlyForOmega() {
        Module net = LeNet.forFeatures(784, 10, new SplittableRandom(3));
        SubspaceModule sub = SubspaceModule.create(net, InterleavedFastfood.TYPE, 50, SubspaceMode.OFFSET, new SplittableRandom(4));
        assertThat(sub.ambientDimension()).isEqualTo(44_426);
        Tape tape = Tape.training(Parallelism.single());
        float[] x = ProjectionContractTest.gaussian(2 * 784, 5);
        Tensor y = sub.forward(tape, tape.input(x, 0, 2, 784));
        Tensor loss = dev.connectome.engine.ops.Losses.softmaxCrossEntropy(tape, y, new int[] {3, 7});
        tape.backward(loss);
        float[] g = tape.grad(sub.omega());
        double norm = 0;
        for (float v : g) {
            norm += v * v;
        }
        assertThat(norm).isPositive();
    }

    @Test
    void rejectsNonSquareInputs() {
        assertThatThrownBy(() -> LeNet.forFeatures(780, 10, new SplittableRandom(1))).hasMessageContaining("780 features");
        assertThatThrownBy(() -> LeNet.of(1, 12, 10, new SplittableRandom(1))).hasMessageContaining("16×16");
    }
}
