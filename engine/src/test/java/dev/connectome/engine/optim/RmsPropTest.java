package dev.connectome.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class RmsPropTest {
    @Test
    void twoStepsByHand() {
        double lr = 0.01, alpha = 0.9, eps = 1e-8;
        double theta = 1, v = 0;
        double[] grads = {0.5, -0.25};
        Tensor p = Tensor.parameter(new float[] {1f}, 1);
        RmsProp rms = new RmsProp(List.of(p), RmsProp.Settings.of(lr).withAlpha(alpha));
        for (int t = 0; t < 2; t++) {
            double g = grads[t];
            v = alpha * v + (1 - alpha) * g * g;
            theta -= lr * g / (Math.sqrt(v) + eps);
            p.grad()[0] = (float) g;
            rms.step();
            assertThat((double) p.data()[0]).as("step %d", t).isCloseTo(theta, within(1e-6));
        }
    }

    @Test
    void centeredWithMomentumByHand() {
        double lr = 0.01, alpha = 0.9, eps = 1e-8, mu = 0.5;
        double theta = 1, v = 0, mean = 0, buf = 0;
        double[] grads = {0.5, -0.25, 0.1};
        Tensor p = Tensor.parameter(new float[] {1f}, 1);
        RmsProp rms = new RmsProp(List.of(p),
                RmsProp.Settings.of(lr).withAlpha(alpha).withCentered(true).withMomentum(mu));
        for (int t = 0; t < grads.length; t++) {
            double g = grads[t];
            v = alpha * v + (1 - alpha) * g * g;
            mean = alpha * mean + (1 - alpha) * g;
            buf = mu * buf + g / (Math.sqrt(v - mean * mean) + eps);
            theta -= lr * buf;
            p.grad()[0] = (float) g;
            rms.step();
            assertThat((double) p.data()[0]).as("step %d", t).isCloseTo(theta, within(1e-5));
        }
    }
}
