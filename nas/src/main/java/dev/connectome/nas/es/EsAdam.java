package dev.connectome.nas.es;

/**
 * The Adam step of estool's optimizers.py, used by PEPG and OpenAI-ES: it is handed the negated
 * ascent direction and returns a step that moves along the ascent direction. Note β1 = 0.99 (estool's
 * default), not the usual 0.9.
 */
final class EsAdam {
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[] m;
    private final double[] v;
    private int t;

    EsAdam(int dimension, double beta1, double beta2, double epsilon) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = new double[dimension];
        this.v = new double[dimension];
    }

    /** Adds to {@code theta} the Adam step for gradient {@code g} of the quantity to <em>minimise</em>. */
    void update(double[] theta, double[] g, double stepSize) {
        t++;
        double a = stepSize * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
        for (int j = 0; j < theta.length; j++) {
            m[j] = beta1 * m[j] + (1 - beta1) * g[j];
            v[j] = beta2 * v[j] + (1 - beta2) * g[j] * g[j];
            theta[j] -= a * m[j] / (Math.sqrt(v[j]) + epsilon);
        }
    }
}
