package dev.connectome.engine.optim;

import dev.connectome.engine.Tensor;
import java.util.List;

/**
 * The moment estimates and update shared by {@link Adam} and {@link AdamW}; they differ only in how
 * weight decay enters (Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization", 2019).
 * Step counts are kept per parameter, as in PyTorch, so a parameter that skipped steps (no
 * gradient) still gets the right bias correction.
 */
abstract class AdamCore implements Optimizer {
    private final ParameterList list;
    private final String name;
    private final float beta1;
    private final float beta2;
    private final double beta1d;
    private final double beta2d;
    private final float epsilon;
    private final float weightDecay;
    private final boolean decoupled;
    private final float[][] m;
    private final float[][] v;
    private final long[] steps;
    private double lr;

    AdamCore(List<Tensor> params, String name, double lr, double beta1, double beta2, double epsilon,
             double weightDecay, boolean decoupled) {
        this.list = new ParameterList(params, name);
        this.name = name;
        this.lr = lr;
        this.beta1 = (float) beta1;
        this.beta2 = (float) beta2;
        this.beta1d = beta1;
        this.beta2d = beta2;
        this.epsilon = (float) epsilon;
        this.weightDecay = (float) weightDecay;
        this.decoupled = decoupled;
        this.m = list.newState();
        this.v = list.newState();
        this.steps = new long[list.params.length];
    }

    static void check(String name, double lr, double beta1, double beta2, double epsilon, double weightDecay) {
        ParameterList.checkRate(lr, name);
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException(name + ": beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException(name + ": beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException(name + ": epsilon must be finite and >= 0, got " + epsilon);
        }
        ParameterList.checkRange(weightDecay, 0, Double.MAX_VALUE, name + " weight decay");
    }

    /**
     * PyTorch's form: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g²,
     * θ ← θ − (lr / (1−β1ᵗ)) · m / (√v / √(1−β2ᵗ) + ε).
     */
    @Override
    public final void step() {
        float one1 = 1 - beta1;
        float one2 = 1 - beta2;
        for (int i = 0; i < list.params.length; i++) {
            Tensor p = list.params[i];
            float[] g = p.grad();
            if (g == null) {
                continue;
            }
            long t = ++steps[i];
            float stepSize = (float) (lr / (1 - Math.pow(beta1d, t)));
            float invCorrection2 = (float) (1 / Math.sqrt(1 - Math.pow(beta2d, t)));
            float[] w = p.data();
            float[] mi = m[i];
            float[] vi = v[i];
            int n = w.length;
            if (decoupled) {
                float shrink = (float) (1 - lr * weightDecay);
                for (int j = 0; j < n; j++) {
                    w[j] *= shrink;
                }
            }
            float l2 = decoupled ? 0f : weightDecay;
            for (int j = 0; j < n; j++) {
                float gj = g[j] + l2 * w[j];
                float mj = beta1 * mi[j] + one1 * gj;
                float vj = beta2 * vi[j] + one2 * gj * gj;
                mi[j] = mj;
                vi[j] = vj;
                w[j] -= stepSize * mj / ((float) Math.sqrt(vj) * invCorrection2 + epsilon);
            }
        }
    }

    @Override
    public final void zeroGrad() {
        list.zeroGrad();
    }

    @Override
    public final double learningRate() {
        return lr;
    }

    @Override
    public final void setLearningRate(double lr) {
        this.lr = ParameterList.checkRate(lr, name);
    }
}
