package dev.connectome.nas.graph;

/**
 * WANN activations over whole rows, in place. Rows are multiples of the vector length.
 */
final class VectorActivations {
    private VectorActivations() {
    }

    /** {@code a[off + i] = act(id, a[off + i])} for i in [0, n). */
    static void apply(int id, float[] a, int off, int n) {
        if (id == WannActivation.LINEAR || !WannActivation.isValid(id)) {
            return;
        }
        for (int i = off; i < off + n; i++) {
            a[i] = WannActivation.apply(id, a[i]);
        }
    }

    /** {@code g[i] *= act'(pre[i], y[i])} for the rows starting at the given offsets. */
    static void backward(int id, float[] pre, int preOff, float[] y, int yOff, float[] g, int gOff, int n) {
        if (id == WannActivation.LINEAR || !WannActivation.isValid(id)) {
            return;
        }
        for (int i = 0; i < n; i++) {
            g[gOff + i] *= WannActivation.derivative(id, pre[preOff + i], y[yOff + i]);
        }
    }
}
