package dev.connectome.engine.optim;

import dev.connectome.engine.Tensor;
import java.util.List;

/**
 * Adam (Kingma &amp; Ba, 2015) with PyTorch's semantics, including weight decay as an L2 term added
 * to the gradient before the moments ({@code torch.optim.Adam}). For decoupled decay use {@link AdamW}.
 */
public final class Adam extends AdamCore {
    /** Immutable Adam settings; {@link #of(double)} gives PyTorch's defaults β=(0.9, 0.999), ε=1e-8, wd=0. */
    public record Settings(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        public Settings {
            check("Adam", learningRate, beta1, beta2, epsilon, weightDecay);
        }

        public static Settings of(double learningRate) {
            return new Settings(learningRate, 0.9, 0.999, 1e-8, 0);
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

    public Adam(List<Tensor> params, Settings s) {
        super(params, "Adam", s.learningRate(), s.beta1(), s.beta2(), s.epsilon(), s.weightDecay(), false);
        this.settings = s;
    }

    public Settings settings() {
        return settings;
    }
}
