package dev.connectome.nas.weights;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Losses;
import dev.connectome.nas.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Minibatch backprop through {@link dev.connectome.nas.graph.GraphNet}'s autograd forward pass:
 * each epoch visits the training set in a fresh random order (the last batch may be smaller),
 * then train/validation/test accuracy are measured on the full sets.
 */
public final class BackpropTrainer implements WeightTrainer {
    private final BackpropSettings s;

    public BackpropTrainer(BackpropSettings settings) {
        this.s = settings;
    }

    public BackpropSettings settings() {
        return s;
    }

    @Override
    public String id() {
        return s.optimizer();
    }

    @Override
    public TrainingRun train(WeightsTask task, long seed, Parallelism par, Listener listener) {
        long start = System.nanoTime();
        SplittableRandom rng = new SplittableRandom(seed);
        float[] w = s.init().initialize(task.graph(), rng);
        Tensor weights = Tensor.parameter(w, w.length);
        GradientOptimizer opt = s.newOptimizer(w.length);
        Dataset train = task.data().train();
        int n = train.size();
        int in = train.sampleSize();
        float[] features = train.features();
        int[] labels = train.labels();
        float[] xb = new float[s.batchSize() * in];
        int[] yb = new int[s.batchSize()];
        Tape tape = Tape.training(Parallelism.single());
        List<Checkpoint> checkpoints = new ArrayList<>();
        float[] best = w.clone();
        int bestIndex = 0;
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            int[] order = Dataset.permutation(n, rng);
            for (int from = 0; from < n; from += s.batchSize()) {
                int b = Math.min(s.batchSize(), n - from);
                for (int r = 0; r < b; r++) {
                    int i = order[from + r];
                    System.arraycopy(features, i * in, xb, r * in, in);
                    yb[r] = labels[i];
                }
                Tensor x = tape.input(xb, 0, b, in);
                Tensor logits = task.net().forward(tape, x, weights);
                Tensor loss = Losses.softmaxCrossEntropy(tape, logits, yb);
                tape.backward(loss);
                opt.step(w, weights.grad());
                weights.zeroGrad();
                tape.reset();
            }
            Checkpoint c = task.checkpoint(epoch, w, (System.nanoTime() - start) / 1e9, par);
            checkpoints.add(c);
            if (c.validationAccuracy() > checkpoints.get(bestIndex).validationAccuracy() || checkpoints.size() == 1) {
                bestIndex = checkpoints.size() - 1;
                best = w.clone();
            }
            listener.onCheckpoint(id(), seed, c);
        }
        return new TrainingRun(id(), seed, w.clone(), best, bestIndex, checkpoints);
    }
}
