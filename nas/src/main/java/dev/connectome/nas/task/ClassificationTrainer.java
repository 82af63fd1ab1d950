package dev.connectome.nas.task;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Losses;
import dev.connectome.engine.optim.GradientClipping;
import dev.connectome.engine.optim.LearningRateSchedule;
import dev.connectome.engine.optim.Optimizer;
import dev.connectome.nas.data.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Trains a classifier (any {@link Module} mapping batch×features to batch×classes logits) with
 * minibatch gradient descent on softmax cross-entropy.
 *
 * <p>One training tape is reset after every step, so after the first step the loop allocates no
 * float arrays; batches are gathered through a permutation of indices (shuffled once per epoch),
 * never by copying the data set. With one thread the run is a pure function of the settings, the
 * initial weights and the data: the same seed gives the same weights bit for bit.
 */
public final class ClassificationTrainer {
    private final TrainSettings settings;
    private final BatchAugmentation augmentation;

    public ClassificationTrainer(TrainSettings settings) {
        this(settings, BatchAugmentation.none());
    }

    /**
     * Trains with {@code augmentation} applied to every training batch, drawing from the run's
     * "augment" generator.
     */
    public ClassificationTrainer(TrainSettings settings, BatchAugmentation augmentation) {
        this.settings = settings;
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
    }

    public TrainSettings settings() {
        return settings;
    }

    /**
     * Holds out {@link TrainSettings#validationFraction()} of {@code data} (a seeded random choice)
     * for validation and trains on the rest.
     */
    public TrainResult fit(Module model, Dataset data, TrainingListener listener) {
        int n = data.size();
        int nVal = (int) Math.round(n * settings.validationFraction());
        if (n - nVal < 1) {
            throw new IllegalArgumentException("data set '" + data.name() + "' has " + n
                    + " samples: too few to hold out a validation fraction of " + settings.validationFraction());
        }
        int[] perm = Classification.identity(n);
        shuffle(perm, settings.random("split"));
        int[] val = java.util.Arrays.copyOfRange(perm, 0, nVal);
        int[] train = java.util.Arrays.copyOfRange(perm, nVal, n);
        // Sorted train indices make the per-epoch shuffle independent of the split's order.
        java.util.Arrays.sort(train);
        java.util.Arrays.sort(val);
        return run(model, data, train, data, val, listener);
    }

    /** Trains on all of {@code train}, validating on {@code validation} (null for none) after every epoch. */
    public TrainResult fit(Module model, Dataset train, Dataset validation, TrainingListener listener) {
        int[] val = validation == null ? new int[0] : Classification.identity(validation.size());
        return run(model, train, Classification.identity(train.size()), validation == null ? train : validation, val, listener);
    }

    private TrainResult run(Module model, Dataset data, int[] trainIdx, Dataset valData, int[] valIdx,
                            TrainingListener listener) {
        if (trainIdx.length == 0) {
            throw new IllegalArgumentException("data set '" + data.name() + "' has no training samples");
        }
        long runStart = System.nanoTime();
        List<Tensor> params = model.parameters();
        Optimizer optimizer = settings.optimizer().create(params);
        double baseRate = settings.optimizer().learningRate();
        RandomGenerator shuffleRng = settings.random("shuffle");
        RandomGenerator augmentRng = settings.random("augment");
        int batch = settings.batchSize();
        int d = data.sampleSize();
        int classes = data.numClasses();
        float[] features = data.features();
        int[] labels = data.labels();
        int[] order = trainIdx.clone();
        int[] batchLabels = new int[Math.min(batch, order.length)];
        int steps = (order.length + batch - 1) / batch;
        List<TrainingListener.EpochSummary> summaries = new ArrayList<>();
        Metrics validation = Metrics.empty();
        LearningRateSchedule schedule = settings.schedule().build(baseRate, steps, settings.epochs());
        long globalStep = 0;
        listener.onStart(settings.epochs(), steps, order.length);
        try (Parallelism par = Parallelism.of(settings.threads())) {
            Tape tape = Tape.training(par);
            Tape evalTape = Tape.inference(par);
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                shuffle(order, shuffleRng);
                model.train(true);
                double lossSum = 0;
                long correct = 0;
                int seen = 0;
                double rate = baseRate;
                for (int step = 0; step < steps; step++) {
                    int start = step * batch;
                    int b = Math.min(batch, order.length - start);
                    rate = schedule.rate(globalStep++);
                    optimizer.setLearningRate(rate);
                    tape.reset();
                    Tensor x = Classification.gather(tape, features, labels, d, order, start, b, batchLabels);
                    augmentation.apply(x.data(), b, d, augmentRng);
                    Tensor logits = Classification.checkedLogits(model.forward(tape, x), b, classes);
                    Tensor loss = Losses.softmaxCrossEntropy(tape, logits, batchLabels, 0);
                    float value = loss.item();
                    if (!Float.isFinite(value)) {
                        tape.reset();
                        String why = "loss became " + value + " at epoch " + epoch + ", step " + (step + 1)
                                + " (learning rate " + rate + "); try a lower learning rate or gradient clipping";
                        return new TrainResult(TrainResult.Status.DIVERGED, summaries, validation, why, seconds(runStart));
                    }
                    correct += Classification.countCorrect(logits, batchLabels, b);
                    optimizer.zeroGrad();
                    tape.backward(loss);
                    if (settings.clipNorm() > 0) {
                        GradientClipping.clipByNorm(params, settings.clipNorm());
                    }
                    optimizer.step();
                    lossSum += (double) value * b;
                    seen += b;
                    listener.onStep(new TrainingListener.StepProgress(epoch, settings.epochs(), step + 1, steps,
                            lossSum / seen, (double) correct / seen, seen / seconds(epochStart)));
                }
                tape.reset();
                double trainSeconds = seconds(epochStart);
                validation = Classification.evaluate(model, valData, valIdx, Math.max(batch, 256), evalTape);
                TrainingListener.EpochSummary summary = new TrainingListener.EpochSummary(epoch, settings.epochs(),
                        lossSum / seen, (double) correct / seen, validation.loss(), validation.accuracy(), rate,
                        seen / trainSeconds, seconds(epochStart));
                summaries.add(summary);
                listener.onEpoch(summary);
            }
        }
        model.train(false);
        return new TrainResult(TrainResult.Status.COMPLETED, summaries, validation, null, seconds(runStart));
    }

    /** Fisher–Yates with the given generator. */
    static void shuffle(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static double seconds(long since) {
        return Math.max(1e-9, (System.nanoTime() - since) / 1e9);
    }
}
