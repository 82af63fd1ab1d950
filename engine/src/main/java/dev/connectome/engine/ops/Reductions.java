package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.kernel.VectorOps;
import java.util.Arrays;

/**
 * Sums and means, over everything (giving a one-element, rank-0 tensor) or along one axis of a 2-D
 * tensor. Whole-tensor sums accumulate in double so that their rounding does not grow with size.
 */
public final class Reductions {
    private Reductions() {
    }

    /** {@code Σ x}, as a one-element tensor. */
    public static Tensor sum(Tape tape, Tensor x) {
        return scaledSum(tape, x, 1.0, "sum");
    }

    /** The mean of all elements, as a one-element tensor; x must not be empty. */
    public static Tensor mean(Tape tape, Tensor x) {
        if (x.size() == 0) {
            throw new IllegalArgumentException("mean: empty tensor " + x);
        }
        return scaledSum(tape, x, 1.0 / x.size(), "mean");
    }

    private static Tensor scaledSum(Tape tape, Tensor x, double scale, String op) {
        int n = x.size();
        float[] v = x.data();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        Tensor out = tape.output(tape.needsGrad(x));
        out.data()[0] = (float) (s * scale);
        tape.record(out, g -> { // every element contributes with weight `scale`
            float[] gx = tape.grad(x);
            float d = (float) (g[0] * scale);
            for (int i = 0; i < n; i++) {
                gx[i] += d;
            }
        });
        return out;
    }

    /** Sums a 2-D tensor along {@code axis}: 0 gives the column sums [cols], 1 the row sums [rows]. */
    public static Tensor sum(Tape tape, Tensor x, int axis) {
        return axisSum(tape, x, axis, false, "sum");
    }

    /** Means of a 2-D tensor along {@code axis}: 0 gives [cols], 1 gives [rows]; the axis must not be empty. */
    public static Tensor mean(Tape tape, Tensor x, int axis) {
        return axisSum(tape, x, axis, true, "mean");
    }

    private static Tensor axisSum(Tape tape, Tensor x, int axis, boolean mean, String op) {
        Checks.rank(x, 2, op);
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException(op + ": axis must be 0 or 1 for a 2-D tensor, got " + axis);
        }
        int rows = x.dim(0), cols = x.dim(1);
        int count = axis == 0 ? rows : cols;
        if (mean && count == 0) {
            throw new IllegalArgumentException(op + ": axis " + axis + " of " + x + " is empty");
        }
        float scale = mean ? 1f / count : 1f;
        float[] v = x.data();
        Tensor out = tape.output(tape.needsGrad(x), axis == 0 ? cols : rows);
        float[] o = out.data();
        if (axis == 0) {
            Arrays.fill(o, 0f);
            VectorOps.sumRowsInto(v, o, rows, cols);
            if (mean) {
                VectorOps.scale(o, scale, o, cols);
            }
        } else {
            for (int r = 0; r < rows; r++) {
                float s = 0;
                for (int c = 0, base = r * cols; c < cols; c++) {
                    s += v[base + c];
                }
                o[r] = s * scale;
            }
        }
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            if (axis == 0) { // gx[r, c] += scale·g[c]
                float[] row = scale == 1f ? g : tape.scratch(cols);
                if (row != g) {
                    VectorOps.scale(g, scale, row, cols);
                }
                VectorOps.addRowBroadcast(gx, row, gx, rows, cols);
            } else { // gx[r, c] += scale·g[r]
                for (int r = 0; r < rows; r++) {
                    float d = g[r] * scale;
                    for (int c = 0, base = r * cols; c < cols; c++) {
                        gx[base + c] += d;
                    }
                }
            }
        });
        return out;
    }
}
