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

class InstanceNorm2dTest {

    @Test
    void normalisesEachSamplesPlaneThenScalesPerChannel() {
        InstanceNorm2d norm = new InstanceNorm2d(2, true);
        assertThat(norm.namedParameters().keySet()).containsExactly("weight", "bias");
        norm.namedParameters().get("weight").data()[1] = 2f;
        norm.namedParameters().get("bias").data()[1] = -0.5f;
        Tensor x = GradCheck.uniform(new SplittableRandom(1), -2, 3, 3, 2, 3, 2);
        Tensor y = norm.forward(Tape.inference(Parallelism.single()), x);
        for (int n = 0; n < 3; n++) {
            for (int c = 0; c < 2; c++) {
                int at = (n * 2 + c) * 6;
                double mean = 0, var = 0;
                for (int i = 0; i < 6; i++) {
                    mean += x.data()[at + i] / 6.0;
                }
                for (int i = 0; i < 6; i++) {
                    var += Math.pow(x.data()[at + i] - mean, 2) / 6.0;
                }
                for (int i = 0; i < 6; i++) {
                    double expected = (x.data()[at + i] - mean) / Math.sqrt(var + 1e-5) * (c == 1 ? 2 : 1)
                            - (c == 1 ? 0.5 : 0);
                    assertThat((double) y.data()[at + i]).as("n %d c %d i %d", n, c, i)
                            .isCloseTo(expected, within(1e-5));
                }
            }
        }
    }

    @Test
    void gradientsOfInputScaleAndShiftMatchFiniteDifferences() {
        InstanceNorm2d norm = new InstanceNorm2d(3, true);
        Tensor gamma = norm.namedParameters().get("weight"), beta = norm.namedParameters().get("bias");
        SplittableRandom rng = new SplittableRandom(2);
        for (int c = 0; c < 3; c++) {
            gamma.data()[c] = (float) (0.5 + rng.nextDouble());
            beta.data()[c] = (float) (rng.nextDouble() - 0.5);
        }
        Tensor x = GradCheck.uniform(rng, -1, 1, 2, 3, 3, 3);
        GradCheck.assertGradients(t -> GradCheck.weightedSum(t, norm.forward(t, x), 11), 2e-2, x, gamma, beta);
    }

    @Test
    void withoutAffineItHasNoParametersAndRefusesOneValuePlanes() {
        InstanceNorm2d norm = new InstanceNorm2d(2, false);
        assertThat(norm.namedParameters()).isEmpty();
        assertThatThrownBy(() -> norm.forward(Tape.inference(Parallelism.single()), Tensor.zeros(4, 2, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one value");
        assertThatThrownBy(() -> norm.forward(Tape.inference(Parallelism.single()), Tensor.zeros(4, 3, 2, 2)))
                .hasMessageContaining("expects [N, 2, H, W]");
    }
}
