package dev.connectome.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Elementwise and reduction kernels on {@code float[]} using the Vector API, each with a scalar
 * tail for lengths that are not a multiple of the vector width.
 *
 * <p>Every kernel writes only the array named as its output ({@code out}, {@code gx}, {@code y})
 * and reads the first {@code n} (or {@code rows·cols}) elements of its inputs, starting at index 0.
 * Output arrays may alias inputs where the operation is elementwise (e.g. {@code relu(x, x, n)}).
 */
public final class VectorOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorOps() {
    }

    /** {@code out[r,c] = x[r,c] + row[c]} for an r×c row-major {@code x}: adds a bias row to every row. */
    public static void addRowBroadcast(float[] x, float[] row, float[] out, int rows, int cols) {
        int bound = S.loopBound(cols);
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            int c = 0;
            for (; c < bound; c += L) {
                FloatVector.fromArray(S, x, base + c).add(FloatVector.fromArray(S, row, c))
                        .intoArray(out, base + c);
            }
            for (; c < cols; c++) {
                out[base + c] = x[base + c] + row[c];
            }
        }
    }

    /** {@code out[c] += Σ_r g[r,c]}: column sums of an r×c row-major {@code g}, accumulated (bias gradient). */
    public static void sumRowsInto(float[] g, float[] out, int rows, int cols) {
        int bound = S.loopBound(cols);
        int c = 0;
        // Column strip at a time so each accumulator stays in a register across all rows.
        for (; c < bound; c += L) {
            FloatVector acc = FloatVector.fromArray(S, out, c);
            for (int r = 0; r < rows; r++) {
                acc = acc.add(FloatVector.fromArray(S, g, r * cols + c));
            }
            acc.intoArray(out, c);
        }
        for (; c < cols; c++) {
            float s = out[c];
            for (int r = 0; r < rows; r++) {
                s += g[r * cols + c];
            }
            out[c] = s;
        }
    }

    /** {@code out[i] = max(x[i], 0)}. NaN inputs give 0 (the vector max and the tail agree on this). */
    public static void relu(float[] x, float[] out, int n) {
        int bound = S.loopBound(n);
        FloatVector zero = FloatVector.zero(S);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector v = FloatVector.fromArray(S, x, i);
            zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] > 0f ? x[i] : 0f;
        }
    }

    /** {@code gx[i] += x[i] > 0 ? g[i] : 0}: ReLU backward, accumulating into {@code gx}. */
    public static void reluBackward(float[] x, float[] g, float[] gx, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector gv = FloatVector.fromArray(S, g, i);
            FloatVector xv = FloatVector.fromArray(S, x, i);
            FloatVector.fromArray(S, gx, i)
                    .add(gv, xv.compare(VectorOperators.GT, 0f))
                    .intoArray(gx, i);
        }
        for (; i < n; i++) {
            if (x[i] > 0f) {
                gx[i] += g[i];
            }
        }
    }

    /** {@code y[i] += alpha·x[i]}. */
    public static void axpy(float alpha, float[] x, float[] y, int n) {
        int bound = S.loopBound(n);
        FloatVector av = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, i).fma(av, FloatVector.fromArray(S, y, i)).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = Math.fma(alpha, x[i], y[i]);
        }
    }

    /** {@code out[i] = a[i] + b[i]}. */
    public static void add(float[] a, float[] b, float[] out, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, a, i).add(FloatVector.fromArray(S, b, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = a[i] + b[i];
        }
    }

    /** {@code out[i] = a[i]·b[i]}. */
    public static void mul(float[] a, float[] b, float[] out, int n) {
        int bound = S.loopBound(n);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, a, i).mul(FloatVector.fromArray(S, b, i)).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = a[i] * b[i];
        }
    }

    /** {@code out[i] = alpha·x[i]}. */
    public static void scale(float[] x, float alpha, float[] out, int n) {
        int bound = S.loopBound(n);
        FloatVector av = FloatVector.broadcast(S, alpha);
        int i = 0;
        for (; i < bound; i += L) {
            FloatVector.fromArray(S, x, i).mul(av).intoArray(out, i);
        }
        for (; i < n; i++) {
            out[i] = x[i] * alpha;
        }
    }

    /**
     * {@code Σ a[i]·b[i]} in float with several independent vector accumulators (so the sum order
     * differs from a sequential loop; error grows like √n·ε rather than n·ε for random data).
     */
    public static float dot(float[] a, float[] b, int n) {
        int i = 0;
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        // Two accumulators hide FMA latency; enough for a memory-bound dot product.
        int bound2 = n - (n % (2 * L));
        for (; i < bound2; i += 2 * L) {
            acc0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc0);
            acc1 = FloatVector.fromArray(S, a, i + L).fma(FloatVector.fromArray(S, b, i + L), acc1);
        }
        int bound = S.loopBound(n);
        for (; i < bound; i += L) {
            acc0 = FloatVector.fromArray(S, a, i).fma(FloatVector.fromArray(S, b, i), acc0);
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            s = Math.fma(a[i], b[i], s);
        }
        return s;
    }
}
