package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.Arrays;

/** Ops that move values without arithmetic: reshape, transpose, concatenation, row slicing and gathering. */
public final class ShapeOps {
    private ShapeOps() {
    }

    /**
     * The same values under another shape, sharing x's data (no copy). One dimension may be −1: it is
     * inferred from the size.
     */
    public static Tensor reshape(Tape tape, Tensor x, int... shape) {
        int[] s = resolve(x, shape);
        Tensor out = tape.view(x, tape.needsGrad(x), s);
        int n = x.size();
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[i] += g[i];
            }
        });
        return out;
    }

    private static int[] resolve(Tensor x, int[] shape) {
        int[] s = shape.clone();
        int inferred = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (inferred >= 0) {
                    throw new IllegalArgumentException("reshape: at most one −1 allowed, got " + Arrays.toString(shape));
                }
                inferred = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("reshape: negative dimension in " + Arrays.toString(shape));
            } else {
                known *= s[i];
            }
        }
        if (inferred >= 0) {
            if (known == 0 || x.size() % known != 0) {
                throw new IllegalArgumentException("reshape: cannot infer −1 in " + Arrays.toString(shape)
                        + " for " + x + " of size " + x.size());
            }
            s[inferred] = (int) (x.size() / known);
        } else if (known != x.size()) {
            throw new IllegalArgumentException("reshape: " + x + " has " + x.size() + " values, shape "
                    + Arrays.toString(shape) + " needs " + known);
        }
        return s;
    }

    /** The transpose of a 2-D tensor: [rows, cols] → [cols, rows]. */
    public static Tensor transpose(Tape tape, Tensor x) {
        Checks.rank(x, 2, "transpose");
        int rows = x.dim(0), cols = x.dim(1);
        Tensor out = tape.output(tape.needsGrad(x), cols, rows);
        float[] v = x.data(), o = out.data();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                o[c * rows + r] = v[r * cols + c];
            }
        }
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    gx[r * cols + c] += g[c * rows + r];
                }
            }
        });
        return out;
    }

    /**
     * Joins 2-D tensors along {@code axis}: 0 stacks rows (all must have the same number of columns),
     * 1 places side by side (all must have the same number of rows).
     */
    public static Tensor concat(Tape tape, int axis, Tensor... xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("concat: no tensors given");
        }
        if (axis != 0 && axis != 1) {
            throw new IllegalArgumentException("concat: axis must be 0 or 1, got " + axis);
        }
        Tensor[] parts = xs.clone();
        int keep = 1 - axis;
        int fixed = -1, total = 0;
        for (Tensor x : parts) {
            Checks.rank(x, 2, "concat");
            if (fixed < 0) {
                fixed = x.dim(keep);
            } else if (x.dim(keep) != fixed) {
                throw new IllegalArgumentException("concat along axis " + axis + ": dimension " + keep
                        + " differs, " + parts[0] + " and " + x);
            }
            total += x.dim(axis);
        }
        int rows = axis == 0 ? total : fixed, cols = axis == 0 ? fixed : total;
        Tensor out = tape.output(tape.needsGrad(parts), rows, cols);
        float[] o = out.data();
        if (axis == 0) {
            int off = 0;
            for (Tensor x : parts) {
                System.arraycopy(x.data(), 0, o, off, x.size());
                off += x.size();
            }
        } else {
            int colOff = 0;
            for (Tensor x : parts) {
                int w = x.dim(1);
                for (int r = 0; r < rows; r++) {
                    System.arraycopy(x.data(), r * w, o, r * cols + colOff, w);
                }
                colOff += w;
            }
        }
        tape.record(out, g -> {
            int off = 0; // element offset (axis 0) or column offset (axis 1) of the part in out
            for (Tensor x : parts) {
                if (x.requiresGrad()) {
                    float[] gx = tape.grad(x);
                    if (axis == 0) {
                        for (int i = 0; i < gx.length; i++) {
                            gx[i] += g[off + i];
                        }
                    } else {
                        int w = x.dim(1);
                        for (int r = 0; r < rows; r++) {
                            for (int c = 0; c < w; c++) {
                                gx[r * w + c] += g[r * cols + off + c];
                            }
                        }
                    }
                }
                off += axis == 0 ? x.size() : x.dim(1);
            }
        });
        return out;
    }

    /** Rows {@code [from, to)} along the first axis of a tensor of rank ≥ 1, copied. */
    public static Tensor sliceRows(Tape tape, Tensor x, int from, int to) {
        if (x.rank() < 1) {
            throw new IllegalArgumentException("sliceRows: needs rank ≥ 1, got " + x);
        }
        int rows = x.dim(0);
        if (from < 0 || to > rows || from > to) {
            throw new IllegalArgumentException("sliceRows: [" + from + ", " + to + ") is not within the " + rows
                    + " rows of " + x);
        }
        int rowSize = rows == 0 ? 0 : x.size() / rows;
        int[] shape = x.shape();
        shape[0] = to - from;
        Tensor out = tape.output(tape.needsGrad(x), shape);
        int start = from * rowSize, n = out.size();
        System.arraycopy(x.data(), start, out.data(), 0, n);
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[start + i] += g[i];
            }
        });
        return out;
    }

    /**
     * The listed rows (along the first axis) of x in the listed order, e.g. a minibatch. Rows may
     * repeat; their gradients add up.
     */
    public static Tensor gatherRows(Tape tape, Tensor x, int[] rows) {
        if (x.rank() < 1) {
            throw new IllegalArgumentException("gatherRows: needs rank ≥ 1, got " + x);
        }
        int count = x.dim(0);
        int rowSize = count == 0 ? 0 : x.size() / count;
        int[] idx = rows.clone(); // the caller may reuse its array before backward
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= count) {
                throw new IllegalArgumentException("gatherRows: index " + idx[i] + " at position " + i
                        + " is outside the " + count + " rows of " + x);
            }
        }
        int[] shape = x.shape();
        shape[0] = idx.length;
        Tensor out = tape.output(tape.needsGrad(x), shape);
        float[] v = x.data(), o = out.data();
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(v, idx[i] * rowSize, o, i * rowSize, rowSize);
        }
        tape.record(out, g -> { // scatter-add: a row gathered twice gets both gradients
            float[] gx = tape.grad(x);
            for (int i = 0; i < idx.length; i++) {
                int src = i * rowSize, dst = idx[i] * rowSize;
                for (int c = 0; c < rowSize; c++) {
                    gx[dst + c] += g[src + c];
                }
            }
        });
        return out;
    }
}
