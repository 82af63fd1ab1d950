package dev.connectome.nas.weights;

/**
 * A first-order update of a flat weight vector with the semantics of estool/WANNTool's
 * {@code optimizers.py}, which the seed's backprop experiments used ("the implementation of both
 * optimizers is provided by the authors"). Differences from PyTorch: SGD momentum is an exponential
 * average, v ← m·v + (1−m)·g (so lr 2.0 with m 0.9 is stable), and Adam's ε is added after folding
 * the bias corrections into the step size.
 */
public interface GradientOptimizer {

    /** Updates {@code w} in place from the gradient {@code g} of the loss to minimise. */
    void step(float[] w, float[] g);

    /** estool Adam: a = lr·√(1−β2ᵗ)/(1−β1ᵗ); w ← w − a·m/(√v + ε). */
    static GradientOptimizer adam(int n, double lr, double beta1, double beta2) {
        double[] m = new double[n];
        double[] v = new double[n];
        int[] t = {0};
        return (w, g) -> {
            t[0]++;
            double a = lr * Math.sqrt(1 - Math.pow(beta2, t[0])) / (1 - Math.pow(beta1, t[0]));
            for (int j = 0; j < n; j++) {
                m[j] = beta1 * m[j] + (1 - beta1) * g[j];
                v[j] = beta2 * v[j] + (1 - beta2) * (double) g[j] * g[j];
                w[j] -= (float) (a * m[j] / (Math.sqrt(v[j]) + 1e-8));
            }
        };
    }

    /** estool SGD with momentum: v ← m·v + (1−m)·g; w ← w − lr·v. */
    static GradientOptimizer sgd(int n, double lr, double momentum) {
        double[] v = new double[n];
        return (w, g) -> {
            for (int j = 0; j < n; j++) {
                v[j] = momentum * v[j] + (1 - momentum) * g[j];
                w[j] -= (float) (lr * v[j]);
            }
        };
    }
}
