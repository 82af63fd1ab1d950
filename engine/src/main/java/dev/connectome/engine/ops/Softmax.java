package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;

/**
 * Row-wise softmax and log-softmax of 2-D tensors (e.g. a controller's action probabilities and
 * log-probabilities). For a classification loss use {@link Losses#softmaxCrossEntropy}, which fuses
 * the two steps. Both subtract the row maximum first, so large logits do not overflow.
 */
public final class Softmax {
    private Softmax() {
    }

    /** {@code exp(x − max) / Σ exp(x − max)} along each row. */
    public static Tensor softmax(Tape tape, Tensor x) {
        Checks.rank(x, 2, "softmax");
        int rows = x.dim(0), cols = x.dim(1);
        Tensor out = tape.output(tape.needsGrad(x), rows, cols);
        float[] v = x.data(), y = out.data();
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            float max = rowMax(v, base, cols);
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                double e = Math.exp(v[base + c] - max);
                y[base + c] = (float) e;
                sum += e;
            }
            float inv = (float) (1.0 / sum);
            for (int c = 0; c < cols; c++) {
                y[base + c] *= inv;
            }
        }
        tape.record(out, g -> { // gx = y ⊙ (g − Σ_c g·y)
            float[] gx = tape.grad(x);
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                double dot = 0;
                for (int c = 0; c < cols; c++) {
                    dot += g[base + c] * y[base + c];
                }
                for (int c = 0; c < cols; c++) {
                    gx[base + c] += y[base + c] * (float) (g[base + c] - dot);
                }
            }
        });
        return out;
    }

    /** {@code x − max − log Σ exp(x − max)} along each row. */
    public static Tensor logSoftmax(Tape tape, Tensor x) {
        Checks.rank(x, 2, "logSoftmax");
        int rows = x.dim(0), cols = x.dim(1);
        Tensor out = tape.output(tape.needsGrad(x), rows, cols);
        float[] v = x.data(), y = out.data();
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            float max = rowMax(v, base, cols);
            double sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += Math.exp(v[base + c] - max);
            }
            float shift = (float) (max + Math.log(sum));
            for (int c = 0; c < cols; c++) {
                y[base + c] = v[base + c] - shift;
            }
        }
        tape.record(out, g -> { // gx = g − softmax·Σ_c g, with softmax = exp(y)
            float[] gx = tape.grad(x);
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                double total = 0;
                for (int c = 0; c < cols; c++) {
                    total += g[base + c];
                }
                for (int c = 0; c < cols; c++) {
                    gx[base + c] += g[base + c] - (float) (Math.exp(y[base + c]) * total);
                }
            }
        });
        return out;
    }

    private static float rowMax(float[] v, int base, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            max = Math.max(max, v[base + c]);
        }
        return max;
    }
}
