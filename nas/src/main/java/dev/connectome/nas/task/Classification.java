package dev.connectome.nas.task;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Losses;
import dev.connectome.nas.data.Dataset;
import java.util.Arrays;

/**
 * Forward-only use of a classifier on a data set: metrics and predictions, computed in batches on
 * one inference tape that is reset after every batch (so memory stays at one batch's worth).
 */
public final class Classification {
    private Classification() {
    }

    /** Loss and accuracy of {@code model} on all of {@code data}. */
    public static Metrics evaluate(Module model, Dataset data, int batchSize, Parallelism par) {
        return evaluate(model, data, identity(data.size()), batchSize, par);
    }

    /** Loss and accuracy on the samples {@code indices} of {@code data}. */
    public static Metrics evaluate(Module model, Dataset data, int[] indices, int batchSize, Parallelism par) {
        return evaluate(model, data, indices, batchSize, Tape.inference(par));
    }

    /**
     * Loss and accuracy on the samples {@code indices} of {@code data}, using (and resetting) the
     * given inference tape, so that a caller evaluating every epoch reuses its buffers.
     */
    public static Metrics evaluate(Module model, Dataset data, int[] indices, int batchSize, Tape tape) {
        if (indices.length == 0) {
            return Metrics.empty();
        }
        if (tape.recording()) {
            throw new IllegalArgumentException("evaluate needs an inference tape");
        }
        float[] features = data.features();
        int[] labels = data.labels();
        int d = data.sampleSize();
        int[] batchLabels = new int[Math.min(batchSize, indices.length)];
        tape.reset();
        model.train(false);
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < indices.length; start += batchSize) {
            int b = Math.min(batchSize, indices.length - start);
            Tensor x = gather(tape, features, labels, d, indices, start, b, batchLabels);
            Tensor logits = checkedLogits(model.forward(tape, x), b, data.numClasses());
            lossSum += (double) Losses.softmaxCrossEntropy(tape, logits, batchLabels, 0).item() * b;
            correct += countCorrect(logits, batchLabels, b);
            tape.reset();
        }
        return new Metrics(lossSum / indices.length, (double) correct / indices.length, indices.length);
    }

    /** The arg-max class of every sample of {@code data}. */
    public static int[] predict(Module model, Dataset data, int batchSize, Parallelism par) {
        float[] features = data.features();
        int d = data.sampleSize();
        int n = data.size();
        int[] out = new int[n];
        Tape tape = Tape.inference(par);
        model.train(false);
        for (int start = 0; start < n; start += batchSize) {
            int b = Math.min(batchSize, n - start);
            Tensor x = tape.input(features, start * d, b, d);
            Tensor logits = checkedLogits(model.forward(tape, x), b, data.numClasses());
            int classes = logits.dim(1);
            float[] v = logits.data();
            for (int r = 0; r < b; r++) {
                out[start + r] = argMax(v, r * classes, classes);
            }
            tape.reset();
        }
        return out;
    }

    /** Copies the rows {@code indices[start .. start+b)} into a fresh arena tensor and their labels into {@code labelsOut}. */
    static Tensor gather(Tape tape, float[] features, int[] labels, int d, int[] indices, int start, int b, int[] labelsOut) {
        Tensor x = tape.output(false, b, d);
        float[] xs = x.data();
        for (int i = 0; i < b; i++) {
            int row = indices[start + i];
            System.arraycopy(features, row * d, xs, i * d, d);
            labelsOut[i] = labels[row];
        }
        return x;
    }

    static Tensor checkedLogits(Tensor logits, int rows, int classes) {
        if (logits.rank() != 2 || logits.dim(0) != rows || logits.dim(1) < classes) {
            throw new IllegalArgumentException("model output " + Arrays.toString(logits.shape())
                    + " does not fit a batch of " + rows + " samples of a " + classes + "-class data set");
        }
        return logits;
    }

    static int countCorrect(Tensor logits, int[] labels, int rows) {
        int classes = logits.dim(1);
        float[] v = logits.data();
        int correct = 0;
        for (int r = 0; r < rows; r++) {
            if (argMax(v, r * classes, classes) == labels[r]) {
                correct++;
            }
        }
        return correct;
    }

    /** Index of the largest value (the first one on ties; NaN never wins). */
    static int argMax(float[] v, int offset, int n) {
        int best = 0;
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            if (v[offset + c] > max) {
                max = v[offset + c];
                best = c;
            }
        }
        return best;
    }

    static int[] identity(int n) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        return idx;
    }
}
