package dev.connectome.nas.es;

/** Standard test functions, as fitness to maximise (negated losses). */
final class TestFunctions {
    private TestFunctions() {
    }

    /** −Σ (x_j − 0.5)²: optimum 0 at x = 0.5 (shifted so that starting at the origin is not a solution). */
    static double sphere(float[] x) {
        double s = 0;
        for (float v : x) {
            s += (v - 0.5) * (v - 0.5);
        }
        return -s;
    }

    /** −Rosenbrock: −Σ 100(x_{j+1} − x_j²)² + (1 − x_j)²; optimum 0 at x = 1. */
    static double rosenbrock(float[] x) {
        double s = 0;
        for (int j = 0; j + 1 < x.length; j++) {
            double a = x[j + 1] - (double) x[j] * x[j];
            double b = 1 - x[j];
            s += 100 * a * a + b * b;
        }
        return -s;
    }

    static double distanceTo(float[] x, double target) {
        double s = 0;
        for (float v : x) {
            s += (v - target) * (v - target);
        }
        return Math.sqrt(s);
    }
}
