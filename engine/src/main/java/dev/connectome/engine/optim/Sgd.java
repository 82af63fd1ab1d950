package dev.connectome.engine.optim;

import dev.connectome.engine.Tensor;
import java.util.List;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay,
 * following PyTorch's {@code torch.optim.SGD}:
 * <pre>
 *   g ← g + wd·θ
 *   b ← g                           (first step)
 *   b ← μ·b + (1 − dampening)·g     (later steps)
 *   g ← g + μ·b  (Nesterov)  or  g ← b
 *   θ ← θ − lr·g
 * </pre>
 * Parameters whose gradient is {@code null} are skipped (their momentum buffer waits for them).
 */
public final class Sgd implements Optimizer {
    /**
     * Immutable SGD settings. Start from {@link #of(double)} and refine with the {@code with}
     * methods, e.g. {@code Sgd.Settings.of(0.1).withMomentum(0.9).withNesterov(true)}.
     */
    public record Settings(double learningRate, double momentum, double dampening, boolean nesterov,
                           double weightDecay) {
        public Settings {
            ParameterList.checkRate(learningRate, "SGD");
            ParameterList.checkRange(momentum, 0, Double.MAX_VALUE, "SGD momentum");
            ParameterList.checkRange(dampening, 0, 1, "SGD dampening");
            ParameterList.checkRange(weightDecay, 0, Double.MAX_VALUE, "SGD weight decay");
            if (nesterov && (momentum == 0 || dampening != 0)) {
                throw new IllegalArgumentException(
                        "SGD: Nesterov momentum needs momentum > 0 and dampening 0, got momentum "
                                + momentum + ", dampening " + dampening);
            }
        }

        /** Plain SGD: no momentum, no weight decay. */
        public static Settings of(double learningRate) {
            return new Settings(learningRate, 0, 0, false, 0);
        }

        public Settings withMomentum(double m) {
            return new Settings(learningRate, m, dampening, nesterov, weightDecay);
        }

        public Settings withDampening(double d) {
            return new Settings(learningRate, momentum, d, nesterov, weightDecay);
        }

        public Settings withNesterov(boolean n) {
            return new Settings(learningRate, momentum, dampening, n, weightDecay);
        }

        public Settings withWeightDecay(double wd) {
            return new Settings(learningRate, momentum, dampening, nesterov, wd);
        }
    }

    private final ParameterList list;
    private final Settings settings;
    private final float[][] momentumBuffer; // null without momentum
    private final boolean[] started;
    private double lr;

    public Sgd(List<Tensor> params, Settings settings) {
        this.list = new ParameterList(params, "SGD");
        this.settings = settings;
        this.lr = settings.learningRate();
        this.momentumBuffer = settings.momentum() != 0 ? list.newState() : null;
        this.started = new boolean[list.params.length];
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void step() {
        float rate = (float) lr;
        float wd = (float) settings.weightDecay();
        float mu = (float) settings.momentum();
        float keep = (float) (1 - settings.dampening());
        boolean nesterov = settings.nesterov();
        for (int i = 0; i < list.params.length; i++) {
            Tensor p = list.params[i];
            float[] g = p.grad();
            if (g == null) {
                continue;
            }
            float[] w = p.data();
            int n = w.length;
            if (momentumBuffer == null) {
                for (int j = 0; j < n; j++) {
                    w[j] -= rate * (g[j] + wd * w[j]);
                }
                continue;
            }
            float[] b = momentumBuffer[i];
            if (!started[i]) {
                // PyTorch seeds the buffer with the first gradient, undampened.
                for (int j = 0; j < n; j++) {
                    b[j] = g[j] + wd * w[j];
                }
                started[i] = true;
            } else {
                for (int j = 0; j < n; j++) {
                    b[j] = mu * b[j] + keep * (g[j] + wd * w[j]);
                }
            }
            if (nesterov) {
                for (int j = 0; j < n; j++) {
                    w[j] -= rate * ((g[j] + wd * w[j]) + mu * b[j]);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    w[j] -= rate * b[j];
                }
            }
        }
    }

    @Override
    public void zeroGrad() {
        list.zeroGrad();
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = ParameterList.checkRate(lr, "SGD");
    }
}
