package dev.connectome.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {
    @Test
    void firstStepMovesEachCoordinateByAboutTheLearningRate() {
        // m̂ = g, v̂ = g² after one step, so the update is lr·g/(|g|+ε) ≈ lr·sign(g) at any scale.
        Tensor p = Tensor.parameter(new float[] {0f, 0f, 0f}, 3);
        p.grad()[0] = 1e-3f;
        p.grad()[1] = -50f;
        p.grad()[2] = 2f;
        new Adam(List.of(p), Adam.Settings.of(0.01)).step();
        assertThat(p.data()[0]).isCloseTo(-0.01f, within(1e-6f));
        assertThat(p.data()[1]).isCloseTo(0.01f, within(1e-6f));
        assertThat(p.data()[2]).isCloseTo(-0.01f, within(1e-6f));
    }

    @Test
    void twoStepsByHand() {
        double lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8, wd = 0.5;
        double theta = 1, m = 0, v = 0;
        double[] grads = {0.3, -0.7};
        Tensor p = Tensor.parameter(new float[] {1f}, 1);
        Adam adam = new Adam(List.of(p), Adam.Settings.of(lr).withWeightDecay(wd));
        for (int t = 1; t <= 2; t++) {
            double g = grads[t - 1] + wd * theta;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            double mHat = m / (1 - Math.pow(b1, t));
            double vHat = v / (1 - Math.pow(b2, t));
            theta -= lr * mHat / (Math.sqrt(vHat) + eps);
            p.grad()[0] = (float) grads[t - 1];
            adam.step();
            assertThat((double) p.data()[0]).as("step %d", t).isCloseTo(theta, within(1e-6));
        }
    }

    @Test
    void adamWDecaysWeightsEvenWithZeroGradientWhileAdamDoesNotDecayThemTheSameWay() {
        Tensor pw = Tensor.parameter(new float[] {2f}, 1);
        Tensor pa = Tensor.parameter(new float[] {2f}, 1);
        new AdamW(List.of(pw), AdamW.Settings.of(0.1).withWeightDecay(0.5)).step();
        new Adam(List.of(pa), Adam.Settings.of(0.1).withWeightDecay(0.5)).step();
        // AdamW: θ·(1 − lr·wd), then a zero Adam update.
        assertThat(pw.data()[0]).isCloseTo(2f * (1 - 0.05f), within(1e-6f));
        // Adam: the decay is a gradient wd·θ = 1, normalised to a step of lr.
        assertThat(pa.data()[0]).isCloseTo(2f - 0.1f, within(1e-6f));
    }

    @Test
    void biasCorrectionCountsOnlyStepsAParameterTookPart() {
        Tensor late = Tensor.of(new float[] {0f}, 1); // no gradient yet: skipped
        Tensor early = Tensor.parameter(new float[] {0f}, 1);
        Adam adam = new Adam(List.of(late, early), Adam.Settings.of(0.01));
        early.grad()[0] = 1f;
        adam.step();
        adam.step();
        assertThat(late.data()[0]).isEqualTo(0f);
        assertThat(early.data()[0]).isCloseTo(-0.02f, within(1e-6f));
    }

    @Test
    void rejectsBadBetas() {
        assertThatThrownBy(() -> Adam.Settings.of(0.1).withBetas(1.0, 0.999)).hasMessageContaining("beta1");
        assertThatThrownBy(() -> AdamW.Settings.of(0.1).withBetas(0.9, -0.1)).hasMessageContaining("beta2");
        assertThatThrownBy(() -> Adam.Settings.of(0.1).withEpsilon(-1)).hasMessageContaining("epsilon");
    }
}
