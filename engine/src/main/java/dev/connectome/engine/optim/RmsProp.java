package dev.connectome.engine.optim;

import dev.connectome.engine.Tensor;
import java.util.List;

/**
 * RMSprop (Hinton's lecture 6e) with PyTorch's semantics ({@code torch.optim.RMSprop}):
 * <pre>
 *   g ← g + wd·θ
 *   v ← α·v + (1 − α)·g²
 *   d ← √(v − ḡ²) + ε   with ḡ ← α·ḡ + (1 − α)·g   (centered)
 *   d ← √v + ε                                        (otherwise)
 *   b ← μ·b + g/d,  θ ← θ − lr·b                      (momentum μ &gt; 0)
 *   θ ← θ − lr·g/d                                    (otherwise)
 * </pre>
 * Note that ε is added outside the square root, as PyTorch does (Keras/TF add it inside).
 */
public final class RmsProp implements Optimizer {
    /** Immutable settings; {@link #of(double)} gives PyTorch's defaults α=0.99, ε=1e-8, no momentum, not centered. */
    public record Settings(double learningRate, double alpha, double epsilon, double momentum, boolean centered,
                           double weightDecay) {
        public Settings {
            ParameterList.checkRate(learningRate, "RMSprop");
            ParameterList.checkRange(alpha, 0, 1, "RMSprop alpha");
            if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
                throw new IllegalArgumentException("RMSprop: epsilon must be finite and >= 0, got " + epsilon);
            }
            ParameterList.checkRange(momentum, 0, Double.MAX_VALUE, "RMSprop momentum");
            ParameterList.checkRange(weightDecay, 0, Double.MAX_VALUE, "RMSprop weight decay");
        }

        public static Settings of(double learningRate) {
            return new Settings(learningRate, 0.99, 1e-8, 0, false, 0);
        }

        public Settings withAlpha(double a) {
            return new Settings(learningRate, a, epsilon, momentum, centered, weightDecay);
        }

        public Settings withEpsilon(double eps) {
            return new Settings(learningRate, alpha, eps, momentum, centered, weightDecay);
        }

        public Settings withMomentum(double m) {
            return new Settings(learningRate, alpha, epsilon, m, centered, weightDecay);
        }

        public Settings withCentered(boolean c) {
            return new Settings(learningRate, alpha, epsilon, momentum, c, weightDecay);
        }

        public Settings withWeightDecay(double wd) {
            return new Settings(learningRate, alpha, epsilon, momentum, centered, wd);
        }
    }

    private final ParameterList list;
    private final Settings settings;
    private final float[][] square;
    private final float[][] mean;     // null unless centered
    private final float[][] velocity; // null without momentum
    private double lr;

    public RmsProp(List<Tensor> params, Settings settings) {
        this.list = new ParameterList(params, "RMSprop");
        this.settings = settings;
        this.lr = settings.learningRate();
        this.square = list.newState();
        this.mean = settings.centered() ? list.newState() : null;
        this.velocity = settings.momentum() > 0 ? list.newState() : null;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void step() {
        float rate = (float) lr;
        float alpha = (float) settings.alpha();
        float oneMinus = 1 - alpha;
        float eps = (float) settings.epsilon();
        float wd = (float) settings.weightDecay();
        float mu = (float) settings.momentum();
        for (int i = 0; i < list.params.length; i++) {
            Tensor p = list.params[i];
            float[] g = p.grad();
            if (g == null) {
                continue;
            }
            float[] w = p.data();
            float[] sq = square[i];
            float[] avg = mean == null ? null : mean[i];
            float[] vel = velocity == null ? null : velocity[i];
            int n = w.length;
            // One loop per mode keeps each body branch-free, so the JIT can vectorise it.
            if (avg == null && vel == null) {
                for (int j = 0; j < n; j++) {
                    float gj = g[j] + wd * w[j];
                    float s = alpha * sq[j] + oneMinus * gj * gj;
                    sq[j] = s;
                    w[j] -= rate * gj / ((float) Math.sqrt(s) + eps);
                }
            } else if (avg == null) {
                for (int j = 0; j < n; j++) {
                    float gj = g[j] + wd * w[j];
                    float s = alpha * sq[j] + oneMinus * gj * gj;
                    sq[j] = s;
                    float b = mu * vel[j] + gj / ((float) Math.sqrt(s) + eps);
                    vel[j] = b;
                    w[j] -= rate * b;
                }
            } else if (vel == null) {
                for (int j = 0; j < n; j++) {
                    float gj = g[j] + wd * w[j];
                    float s = alpha * sq[j] + oneMinus * gj * gj;
                    sq[j] = s;
                    float a = alpha * avg[j] + oneMinus * gj;
                    avg[j] = a;
                    w[j] -= rate * gj / ((float) Math.sqrt(centredVariance(s, a)) + eps);
                }
            } else {
                for (int j = 0; j < n; j++) {
                    float gj = g[j] + wd * w[j];
                    float s = alpha * sq[j] + oneMinus * gj * gj;
                    sq[j] = s;
                    float a = alpha * avg[j] + oneMinus * gj;
                    avg[j] = a;
                    vel[j] = mu * vel[j] + gj / ((float) Math.sqrt(centredVariance(s, a)) + eps);
                }
                // A separate pass: with the update fused in, the loop is too big for C2 to vectorise.
                for (int j = 0; j < n; j++) {
                    w[j] -= rate * vel[j];
                }
            }
        }
    }

    /**
     * E[g²] − E[g]². Rounding can make it slightly negative; its absolute value is then as good an
     * estimate of ~0 and, unlike a clamp, keeps the loop vectorisable.
     */
    private static float centredVariance(float meanSquare, float mean) {
        return Math.abs(meanSquare - mean * mean);
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
        this.lr = ParameterList.checkRate(lr, "RMSprop");
    }
}
