package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.kernel.VectorOps;

/**
 * Elementwise activation functions (the WANN set and the usual ones), forward and backward side by
 * side. Each backward reads what it needs from the input or from its own output, both of which stay
 * valid until the tape is reset. At kinks (relu, abs at 0) the derivative used is 0.
 */
public final class Activations {
    private Activations() {
    }

    /** {@code max(x, 0)}. Reports its input to the tape's observer as ("relu", x) first. */
    public static Tensor relu(Tape tape, Tensor x) {
        tape.reportInput("relu", x);
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        VectorOps.relu(x.data(), out.data(), n);
        tape.record(out, g -> VectorOps.reluBackward(x.data(), g, tape.grad(x), n));
        return out;
    }

    /** {@code tanh(x)}. */
    public static Tensor tanh(Tape tape, Tensor x) {
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        float[] v = x.data(), y = out.data();
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.tanh(v[i]);
        }
        tape.record(out, g -> { // tanh' = 1 − tanh²
            float[] gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[i] += g[i] * (1f - y[i] * y[i]);
            }
        });
        return out;
    }

    /** {@code 1 / (1 + e^−x)}. */
    public static Tensor sigmoid(Tape tape, Tensor x) {
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        float[] v = x.data(), y = out.data();
        for (int i = 0; i < n; i++) {
            y[i] = sigmoid(v[i]);
        }
        tape.record(out, g -> { // σ' = σ(1 − σ)
            float[] gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[i] += g[i] * y[i] * (1f - y[i]);
            }
        });
        return out;
    }

    /** Sigmoid that never evaluates exp of a large positive number (no overflow to Inf/NaN). */
    static float sigmoid(float v) {
        if (v >= 0) {
            return (float) (1.0 / (1.0 + Math.exp(-v)));
        }
        double e = Math.exp(v);
        return (float) (e / (1.0 + e));
    }

    /** {@code sin(x)}. */
    public static Tensor sin(Tape tape, Tensor x) {
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        float[] v = x.data(), y = out.data();
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.sin(v[i]);
        }
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[i] += g[i] * (float) Math.cos(v[i]);
            }
        });
        return out;
    }

    /** {@code cos(x)}. */
    public static Tensor cos(Tape tape, Tensor x) {
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        float[] v = x.data(), y = out.data();
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.cos(v[i]);
        }
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[i] -= g[i] * (float) Math.sin(v[i]);
            }
        });
        return out;
    }

    /** The unnormalised Gaussian {@code exp(−x²/2)} (WANN's "gauss" activation). */
    public static Tensor gaussian(Tape tape, Tensor x) {
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        float[] v = x.data(), y = out.data();
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.exp(-0.5 * v[i] * v[i]);
        }
        tape.record(out, g -> { // d/dx e^(−x²/2) = −x·e^(−x²/2)
            float[] gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[i] -= g[i] * v[i] * y[i];
            }
        });
        return out;
    }

    /** {@code |x|}. */
    public static Tensor abs(Tape tape, Tensor x) {
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        float[] v = x.data(), y = out.data();
        for (int i = 0; i < n; i++) {
            y[i] = Math.abs(v[i]);
        }
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[i] += g[i] * Math.signum(v[i]);
            }
        });
        return out;
    }

    /** {@code x²}. */
    public static Tensor square(Tape tape, Tensor x) {
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        VectorOps.mul(x.data(), x.data(), out.data(), n);
        tape.record(out, g -> {
            float[] v = x.data(), gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[i] += 2f * g[i] * v[i];
            }
        });
        return out;
    }

    /**
     * The unit step: 1 where x &gt; 0, else 0. Its derivative is zero almost everywhere, so the result
     * is a constant (no gradient, nothing recorded); terms built from it pass no gradient to x.
     * Straight-through estimators are a different op.
     */
    public static Tensor step(Tape tape, Tensor x) {
        int n = x.size();
        Tensor out = tape.output(false, x.shape());
        float[] v = x.data(), y = out.data();
        for (int i = 0; i < n; i++) {
            y[i] = v[i] > 0f ? 1f : 0f;
        }
        return out;
    }
}
