package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.kernel.VectorOps;

/** Loss functions; each returns a one-element tensor. */
public final class Losses {
    private Losses() {
    }

    /** {@link #softmaxCrossEntropy(Tape, Tensor, int[], int)} with labels from index 0. */
    public static Tensor softmaxCrossEntropy(Tape tape, Tensor logits, int[] labels) {
        return softmaxCrossEntropy(tape, logits, labels, 0);
    }

    /**
     * Mean cross-entropy of softmax(logits) against integer labels, fused with log-softmax so that
     * it is stable for large logits and its gradient is simply (softmax − onehot)/batch.
     *
     * @param logits batch×classes
     * @param labels one class index per row, read from {@code labels[labelOffset ..]}
     */
    public static Tensor softmaxCrossEntropy(Tape tape, Tensor logits, int[] labels, int labelOffset) {
        Checks.rank(logits, 2, "softmaxCrossEntropy");
        int rows = logits.dim(0), classes = logits.dim(1);
        if (rows == 0) {
            throw new IllegalArgumentException("softmaxCrossEntropy: empty batch " + logits);
        }
        if (labelOffset < 0 || labels.length - labelOffset < rows) {
            throw new IllegalArgumentException("softmaxCrossEntropy: " + rows + " rows but only "
                    + (labels.length - labelOffset) + " labels");
        }
        float[] x = logits.data();
        boolean grad = tape.needsGrad(logits);
        // softmax − onehot, the gradient per row, is kept for backward only when it is needed. It is
        // computed here so that backward does not read `labels`, which the caller may have refilled.
        float[] delta = grad ? tape.scratch(rows * classes) : null;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * classes;
            int label = labels[labelOffset + r];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("softmaxCrossEntropy: label " + label + " outside [0, " + classes + ")");
            }
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, x[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double e = Math.exp(x[base + c] - max);
                sum += e;
                if (delta != null) {
                    delta[base + c] = (float) e;
                }
            }
            double logSum = Math.log(sum);
            total += logSum - (x[base + label] - max);
            if (delta != null) {
                float inv = (float) (1.0 / sum);
                for (int c = 0; c < classes; c++) {
                    delta[base + c] *= inv;
                }
                delta[base + label] -= 1f;
            }
        }
        Tensor out = tape.output(grad);
        out.data()[0] = (float) (total / rows);
        int n = rows * classes;
        tape.record(out, g -> VectorOps.axpy(g[0] / rows, delta, tape.grad(logits), n));
        return out;
    }

    /**
     * Mean squared error {@code mean((pred − target)²)} over all elements, accumulated in double.
     * Both arguments may carry gradients (e.g. a target produced by another network).
     */
    public static Tensor mse(Tape tape, Tensor pred, Tensor target) {
        Checks.sameShape(pred, target, "mse");
        int n = pred.size();
        if (n == 0) {
            throw new IllegalArgumentException("mse: empty tensors " + pred);
        }
        float[] p = pred.data(), y = target.data();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = (double) p[i] - y[i];
            s += d * d;
        }
        Tensor out = tape.output(tape.needsGrad(pred, target));
        out.data()[0] = (float) (s / n);
        tape.record(out, g -> { // d/dp = 2(p − y)/n, d/dy = −2(p − y)/n
            float k = 2f * g[0] / n;
            float[] gp = pred.requiresGrad() ? tape.grad(pred) : null;
            float[] gy = target.requiresGrad() ? tape.grad(target) : null;
            for (int i = 0; i < n; i++) {
                float d = k * (p[i] - y[i]);
                if (gp != null) {
                    gp[i] += d;
                }
                if (gy != null) {
                    gy[i] -= d;
                }
            }
        });
        return out;
    }
}
