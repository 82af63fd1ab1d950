package dev.connectome.nas.cell;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Losses;
import dev.connectome.engine.optim.Adam;
import dev.connectome.nas.data.Dataset;
import java.util.random.RandomGenerator;

/** The training and scoring steps shared by ENAS searches, retraining and benchmarks (one thread each). */
public final class EnasTraining {
    private static final int CHUNK = 1000;

    private EnasTraining() {
    }

    /** One Adam step of {@code child}'s weights in {@code net} on a random batch of {@code batch} images. */
    public static void step(EnasSupernet net, Adam opt, EnasCell child, Dataset train, int batch, RandomGenerator rng) {
        Dataset b = batch(train, batch, rng);
        Tape tape = Tape.training(Parallelism.single());
        Tensor loss = Losses.softmaxCrossEntropy(tape, net.logits(tape, Tensor.of(b.features(), b.size(), b.sampleSize()),
                child), b.labels());
        opt.zeroGrad();
        tape.backward(loss);
        opt.step();
        tape.reset();
    }

    /** {@code n} images drawn with replacement. */
    public static Dataset batch(Dataset d, int n, RandomGenerator rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(d.size());
        }
        return d.subset(idx);
    }

    /** Accuracy (fraction) of {@code child} with {@code net}'s weights on all of {@code d}. */
    public static double accuracy(EnasSupernet net, EnasCell child, Dataset d) {
        Tape tape = Tape.inference(Parallelism.single());
        int correct = 0;
        for (int from = 0; from < d.size(); from += CHUNK) {
            Dataset c = d.slice(from, Math.min(d.size(), from + CHUNK));
            Tensor logits = net.logits(tape, Tensor.of(c.features(), c.size(), c.sampleSize()), child);
            int k = logits.dim(1);
            float[] z = logits.data();
            for (int i = 0; i < c.size(); i++) {
                int arg = 0;
                for (int j = 1; j < k; j++) {
                    if (z[i * k + j] > z[i * k + arg]) {
                        arg = j;
                    }
                }
                correct += arg == c.label(i) ? 1 : 0;
            }
            tape.reset();
        }
        return correct / (double) d.size();
    }

    /**
     * Trains {@code child} alone from fresh weights (a supernet of which it uses only its own edges) for
     * {@code epochs} passes of {@code train.size() / batch} random batches; returns the trained net.
     */
    public static EnasSupernet retrain(EnasCell child, int hidden, Dataset train, int epochs, int batch,
            double learningRate, RandomGenerator rng) {
        EnasSupernet net = new EnasSupernet(train.sampleSize(), hidden, train.numClasses(), child.nodes(), rng);
        Adam opt = new Adam(net.parameters(), Adam.Settings.of(learningRate));
        int steps = Math.max(1, train.size() / batch);
        for (int e = 0; e < epochs; e++) {
            for (int s = 0; s < steps; s++) {
                step(net, opt, child, train, batch, rng);
            }
        }
        return net;
    }
}
