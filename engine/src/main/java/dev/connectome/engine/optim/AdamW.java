package dev.connectome.engine.optim;

import dev.connectome.engine.Tensor;
import java.util.List;

/**
 * Adam with decoupled weight decay ({@code torch.optim.AdamW}): each step first shrinks the
 * parameters, θ ← θ·(1 − lr·wd), then applies the Adam update computed from the raw gradient.
 */
public final class AdamW extends AdamCore {
    /** Immutable AdamW settings; {@link #of(double)} gives PyTorch's defaults β=(0.9, 0.999), ε=1e-8, wd=0.01. */
    public record Settings(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        public Settings {
            check("AdamW", learningRate, beta1, beta2, epsilon, weightDecay);
        }

        public static Settings of(double learningRate) {
            return new Settings(learningRate, 0.9, 0.999, 1e-8, 0.01);
        }

        public Settings withBetas(double b1, double b2) {
            return new Settings(learningRate, b1, b2, epsilon, weightDecay);
        }

        public Settings withEpsilon(double eps) {
            return new Settings(learningRate, beta1, beta2, eps, weightDecay);
        }

        public Settings withWeightDecay(double wd) {
            return new Settings(learningRate, beta1, beta2, epsilon, wd);
        }
    }

    private final Settings settings;

    public AdamW(List<Tensor> params, Settings s) {
        super(params, "AdamW", s.learningRate(), s.beta1(), s.beta2(), s.epsilon(), s.weightDecay(), true);
        this.settings = s;
    }

    public Settings settings() {
        return settings;
    }
}
