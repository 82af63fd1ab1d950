package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;

/** Loss functions; each returns a one-element tensor. */
public final class Losses {
    private Losses() {
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
        if (labels.length - labelOffset < rows) {
            throw new IllegalArgumentException("softmaxCrossEntropy: " + rows + " rows but only "
                    + (labels.length - labelOffset) + " labels");
        }
        float[] x = logits.data();
        boolean grad = tape.needsGrad(logits);
        // The softmax is kept for backward only when it is needed.
        float[] prob = grad ? tape.scratch(rows * classes) : null;
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
                if (prob != null) {
                    prob[base + c] = (float) e;
                }
            }
            double logSum = Math.log(sum);
            total += logSum - (x[base + label] - max);
            if (prob != null) {
                float inv = (float) (1.0 / sum);
                for (int c = 0; c < classes; c++) {
                    prob[base + c] *= inv;
                }
            }
        }
        Tensor out = tape.output(grad);
        out.data()[0] = (float) (total / rows);
        tape.record(out, g -> {
            float[] gx = tape.grad(logits);
            float scale = g[0] / rows;
            for (int r = 0; r < rows; r++) {
                int base = r * classes;
                int label = labels[labelOffset + r];
                for (int c = 0; c < classes; c++) {
                    gx[base + c] += scale * (prob[base + c] - (c == label ? 1f : 0f));
                }
            }
        });
        return out;
    }
}
