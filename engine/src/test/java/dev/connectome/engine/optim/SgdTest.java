package dev.connectome.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class SgdTest {
    @Test
    void plainStepIsThetaMinusLrTimesGradPlusDecay() {
        Tensor p = Tensor.parameter(new float[] {1f, -2f}, 2);
        p.grad()[0] = 0.5f;
        p.grad()[1] = 0.25f;
        new Sgd(List.of(p), Sgd.Settings.of(0.1).withWeightDecay(0.01)).step();
        assertThat(p.data()[0]).isCloseTo((float) (1 - 0.1 * (0.5 + 0.01 * 1)), within(1e-7f));
        assertThat(p.data()[1]).isCloseTo((float) (-2 - 0.1 * (0.25 + 0.01 * -2)), within(1e-7f));
    }

    @Test
    void momentumTwoStepsByHand() {
        Tensor p = Tensor.parameter(new float[] {1f}, 1);
        Sgd sgd = new Sgd(List.of(p), Sgd.Settings.of(0.1).withMomentum(0.9));
        p.grad()[0] = 2f;
        sgd.step();                     // b = 2, θ = 1 − 0.2
        p.grad()[0] = -1f;
        sgd.step();                     // b = 0.9·2 − 1 = 0.8, θ = 0.8 − 0.08
        assertThat(p.data()[0]).isCloseTo(0.72f, within(1e-6f));
    }

    @Test
    void nesterovLooksAheadFurtherThanPlainMomentumUnderAConstantGradient() {
        double lr = 0.1, mu = 0.9, g = 1;
        Tensor plain = Tensor.parameter(new float[] {0f}, 1);
        Tensor nest = Tensor.parameter(new float[] {0f}, 1);
        Sgd a = new Sgd(List.of(plain), Sgd.Settings.of(lr).withMomentum(mu));
        Sgd b = new Sgd(List.of(nest), Sgd.Settings.of(lr).withMomentum(mu).withNesterov(true));
        for (int s = 0; s < 2; s++) {
            plain.grad()[0] = (float) g;
            nest.grad()[0] = (float) g;
            a.step();
            b.step();
        }
        // plain: buffers g, (1+μ)g  ⇒ −lr·g·(2+μ)
        // Nesterov: updates g+μg, g+μ(1+μ)g  ⇒ −lr·g·(2+2μ+μ²)
        assertThat(plain.data()[0]).isCloseTo((float) (-lr * g * (2 + mu)), within(1e-6f));
        assertThat(nest.data()[0]).isCloseTo((float) (-lr * g * (2 + 2 * mu + mu * mu)), within(1e-6f));
    }

    @Test
    void skipsParametersWithoutGradientAndSeedsTheirBufferOnFirstGradient() {
        Tensor frozen = Tensor.of(new float[] {3f}, 1); // no grad buffer
        Tensor p = Tensor.parameter(new float[] {1f}, 1);
        Sgd sgd = new Sgd(List.of(frozen, p), Sgd.Settings.of(0.5).withMomentum(0.9));
        p.grad()[0] = 1f;
        sgd.step();
        assertThat(frozen.data()[0]).isEqualTo(3f);
        assertThat(p.data()[0]).isEqualTo(0.5f);
    }

    @Test
    void zeroGradClearsEveryGradient() {
        Tensor p = Tensor.parameter(new float[] {1f, 2f}, 2);
        p.grad()[0] = 5f;
        p.grad()[1] = -5f;
        new Sgd(List.of(p), Sgd.Settings.of(0.1)).zeroGrad();
        assertThat(p.grad()).containsExactly(0f, 0f);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> Sgd.Settings.of(-1)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> Sgd.Settings.of(0.1).withNesterov(true)).hasMessageContaining("Nesterov");
        assertThatThrownBy(() -> Sgd.Settings.of(0.1).withMomentum(0.9).withDampening(0.1).withNesterov(true))
                .hasMessageContaining("dampening");
        assertThatThrownBy(() -> new Sgd(List.of(), Sgd.Settings.of(0.1))).hasMessageContaining("no parameters");
        Sgd sgd = new Sgd(List.of(Tensor.parameter(new float[1], 1)), Sgd.Settings.of(0.1));
        assertThatThrownBy(() -> sgd.setLearningRate(Double.NaN)).hasMessageContaining("NaN");
    }
}
