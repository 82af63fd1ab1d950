package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class WannActivationTest {
    @Test
    void tableMatchesWannRelease() {
        assertThat(WannActivation.apply(1, -0.3f)).isEqualTo(-0.3f);
        assertThat(WannActivation.apply(2, 0f)).isZero();
        assertThat(WannActivation.apply(2, 1e-6f)).isEqualTo(1f);
        assertThat(WannActivation.apply(3, 0.5f)).isCloseTo(1f, Offset.offset(1e-6f));
        assertThat(WannActivation.apply(4, 0f)).isEqualTo(1f);
        assertThat(WannActivation.apply(5, 1f)).isCloseTo(0.7615942f, Offset.offset(1e-6f));
        assertThat(WannActivation.apply(6, 0f)).isEqualTo(0.5f);
        assertThat(WannActivation.apply(6, 2f)).isCloseTo((float) (1 / (1 + Math.exp(-2))), Offset.offset(1e-6f));
        assertThat(WannActivation.apply(7, 2f)).isEqualTo(-2f);
        assertThat(WannActivation.apply(8, -2f)).isEqualTo(2f);
        assertThat(WannActivation.apply(9, -2f)).isZero();
        assertThat(WannActivation.apply(10, 1f)).isCloseTo(-1f, Offset.offset(1e-6f));
        assertThat(WannActivation.apply(11, -3f)).isEqualTo(9f);
        assertThat(WannActivation.apply(42, -3f)).isEqualTo(-3f); // unknown ids are linear, as in applyAct
        assertThat(WannActivation.isValid(0)).isFalse();
        assertThat(WannActivation.isValid(11)).isTrue();
        assertThat(WannActivation.name(6)).isEqualTo("sigmoid");
    }

    @Test
    void derivativesMatchFiniteDifferencesAwayFromKinks() {
        double h = 1e-3;
        for (int id = 1; id <= WannActivation.MAX_ID; id++) {
            for (float x : new float[] {-1.7f, -0.6f, -0.13f, 0.21f, 0.77f, 1.9f}) {
                float y = WannActivation.apply(id, x);
                double numeric = (NaiveEvaluator.act(id, x + h) - NaiveEvaluator.act(id, x - h)) / (2 * h);
                assertThat((double) WannActivation.derivative(id, x, y)).as("id %d at %s", id, x)
                        .isCloseTo(numeric, Offset.offset(1e-3 * (1 + Math.abs(numeric))));
            }
        }
        assertThat(WannActivation.derivative(WannActivation.ABS, 0f, 0f)).isZero();
        assertThat(WannActivation.derivative(WannActivation.RELU, 0f, 0f)).isZero();
    }
}
