package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.kernel.VectorOps;

/**
 * Elementwise arithmetic with the forward and backward of each op side by side.
 *
 * <p>Binary ops take {@code a} and {@code b} where b has a's shape, or is a bias row ([cols] or
 * [1, cols]) broadcast over the rows of a 2-D a, or has one element (a scalar broadcast). The result
 * has a's shape; b's gradient is summed over the broadcast dimension.
 */
public final class Arithmetic {
    private Arithmetic() {
    }

    /** {@code a + b}. */
    public static Tensor add(Tape tape, Tensor a, Tensor b) {
        Broadcast bc = Broadcast.of(a, b, "add");
        int n = a.size();
        Tensor out = tape.output(tape.needsGrad(a, b), a.shape());
        float[] x = a.data(), y = b.data(), o = out.data();
        switch (bc.kind()) {
            case SAME -> VectorOps.add(x, y, o, n);
            case ROW -> VectorOps.addRowBroadcast(x, y, o, bc.rows(), bc.cols());
            case SCALAR -> {
                float s = y[0];
                for (int i = 0; i < n; i++) {
                    o[i] = x[i] + s;
                }
            }
        }
        tape.record(out, g -> {
            if (a.requiresGrad()) { // d(a+b)/da = 1
                VectorOps.axpy(1f, g, tape.grad(a), n);
            }
            if (b.requiresGrad()) { // d(a+b)/db = 1, summed over broadcast
                bc.accumulate(g, tape.grad(b));
            }
        });
        return out;
    }

    /** {@code a − b}. */
    public static Tensor sub(Tape tape, Tensor a, Tensor b) {
        Broadcast bc = Broadcast.of(a, b, "sub");
        int n = a.size();
        Tensor out = tape.output(tape.needsGrad(a, b), a.shape());
        float[] x = a.data(), y = b.data(), o = out.data();
        for (int i = 0; i < n; i++) {
            o[i] = x[i] - y[bc.bIndex(i)];
        }
        tape.record(out, g -> {
            if (a.requiresGrad()) {
                VectorOps.axpy(1f, g, tape.grad(a), n);
            }
            if (b.requiresGrad()) { // d(a−b)/db = −1
                float[] c = tape.scratch(n);
                VectorOps.scale(g, -1f, c, n);
                bc.accumulate(c, tape.grad(b));
            }
        });
        return out;
    }

    /** {@code a · b} elementwise (Hadamard product). */
    public static Tensor mul(Tape tape, Tensor a, Tensor b) {
        Broadcast bc = Broadcast.of(a, b, "mul");
        int n = a.size();
        Tensor out = tape.output(tape.needsGrad(a, b), a.shape());
        float[] x = a.data(), y = b.data(), o = out.data();
        switch (bc.kind()) {
            case SAME -> VectorOps.mul(x, y, o, n);
            case SCALAR -> VectorOps.scale(x, y[0], o, n);
            case ROW -> {
                for (int i = 0; i < n; i++) {
                    o[i] = x[i] * y[bc.bIndex(i)];
                }
            }
        }
        tape.record(out, g -> {
            if (a.requiresGrad()) { // d(ab)/da = b
                float[] ga = tape.grad(a);
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] * y[bc.bIndex(i)];
                }
            }
            if (b.requiresGrad()) { // d(ab)/db = a
                float[] c = tape.scratch(n);
                VectorOps.mul(g, x, c, n);
                bc.accumulate(c, tape.grad(b));
            }
        });
        return out;
    }

    /** {@code a / b} elementwise. Division by zero follows IEEE 754 (±Inf or NaN). */
    public static Tensor div(Tape tape, Tensor a, Tensor b) {
        Broadcast bc = Broadcast.of(a, b, "div");
        int n = a.size();
        Tensor out = tape.output(tape.needsGrad(a, b), a.shape());
        float[] x = a.data(), y = b.data(), o = out.data();
        for (int i = 0; i < n; i++) {
            o[i] = x[i] / y[bc.bIndex(i)];
        }
        tape.record(out, g -> {
            if (a.requiresGrad()) { // d(a/b)/da = 1/b
                float[] ga = tape.grad(a);
                for (int i = 0; i < n; i++) {
                    ga[i] += g[i] / y[bc.bIndex(i)];
                }
            }
            if (b.requiresGrad()) { // d(a/b)/db = −a/b² = −out/b
                float[] c = tape.scratch(n);
                for (int i = 0; i < n; i++) {
                    c[i] = -g[i] * o[i] / y[bc.bIndex(i)];
                }
                bc.accumulate(c, tape.grad(b));
            }
        });
        return out;
    }

    /** {@code −x}. */
    public static Tensor neg(Tape tape, Tensor x) {
        return mulScalar(tape, x, -1f);
    }

    /** {@code x + s}. */
    public static Tensor addScalar(Tape tape, Tensor x, float s) {
        Checks.finite(s, "scalar", "addScalar");
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        float[] v = x.data(), o = out.data();
        for (int i = 0; i < n; i++) {
            o[i] = v[i] + s;
        }
        tape.record(out, g -> VectorOps.axpy(1f, g, tape.grad(x), n));
        return out;
    }

    /** {@code s − x} (e.g. {@code 1 − p}). */
    public static Tensor rsubScalar(Tape tape, float s, Tensor x) {
        Checks.finite(s, "scalar", "rsubScalar");
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        float[] v = x.data(), o = out.data();
        for (int i = 0; i < n; i++) {
            o[i] = s - v[i];
        }
        tape.record(out, g -> VectorOps.axpy(-1f, g, tape.grad(x), n));
        return out;
    }

    /** {@code x · s}. */
    public static Tensor mulScalar(Tape tape, Tensor x, float s) {
        Checks.finite(s, "scalar", "mulScalar");
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        VectorOps.scale(x.data(), s, out.data(), n);
        tape.record(out, g -> VectorOps.axpy(s, g, tape.grad(x), n));
        return out;
    }

    /** {@code x / s}; s must be finite and non-zero. */
    public static Tensor divScalar(Tape tape, Tensor x, float s) {
        Checks.finite(s, "divisor", "divScalar");
        if (s == 0f) {
            throw new IllegalArgumentException("divScalar: division by zero for " + x);
        }
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        float[] v = x.data(), o = out.data();
        for (int i = 0; i < n; i++) { // true division: 1/s could overflow for tiny s
            o[i] = v[i] / s;
        }
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[i] += g[i] / s;
            }
        });
        return out;
    }
}
