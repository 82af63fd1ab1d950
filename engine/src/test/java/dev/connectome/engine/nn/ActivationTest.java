package dev.connectome.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import org.junit.jupiter.api.Test;

class ActivationTest {
    private static float apply(Activation a, float x) {
        return a.forward(Tape.inference(Parallelism.single()), Tensor.of(new float[] {x}, 1, 1)).item();
    }

    @Test
    void eachActivationComputesItsFunction() {
        float x = -0.7f;
        assertThat(apply(Activation.RELU, x)).isEqualTo(0f);
        assertThat(apply(Activation.RELU, 0.7f)).isEqualTo(0.7f);
        assertThat(apply(Activation.TANH, x)).isCloseTo((float) Math.tanh(x), within(1e-6f));
        assertThat(apply(Activation.SIGMOID, x)).isCloseTo((float) (1 / (1 + Math.exp(-x))), within(1e-6f));
        assertThat(apply(Activation.SIN, x)).isCloseTo((float) Math.sin(x), within(1e-6f));
        assertThat(apply(Activation.COS, x)).isCloseTo((float) Math.cos(x), within(1e-6f));
        assertThat(apply(Activation.GAUSSIAN, x)).isCloseTo((float) Math.exp(-x * x / 2), within(1e-6f));
        assertThat(apply(Activation.ABS, x)).isEqualTo(0.7f);
        assertThat(apply(Activation.SQUARE, x)).isCloseTo(0.49f, within(1e-6f));
        assertThat(apply(Activation.STEP, x)).isEqualTo(0f);
        assertThat(apply(Activation.STEP, 0.7f)).isEqualTo(1f);
        assertThat(apply(Activation.LINEAR, x)).isEqualTo(x);
    }

    @Test
    void parsesLowercaseNamesAndRoundTripsIds() {
        for (Activation a : Activation.values()) {
            assertThat(Activation.parse(a.id())).isSameAs(a);
            assertThat(a.namedParameters()).isEmpty();
        }
        assertThat(Activation.parse(" ReLU ")).isSameAs(Activation.RELU);
        assertThat(Activation.GAUSSIAN).hasToString("gaussian");
    }

    @Test
    void unknownNameListsValidNames() {
        assertThatThrownBy(() -> Activation.parse("swish"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'swish'")
                .hasMessageContaining("relu, tanh, sigmoid, sin, cos, gaussian, abs, square, step, linear");
        assertThatThrownBy(() -> Activation.parse(null)).hasMessageContaining("valid names");
    }
}
