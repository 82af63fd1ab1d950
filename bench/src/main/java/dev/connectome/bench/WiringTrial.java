package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.nn.Module;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.task.BatchAugmentation;
import dev.connectome.nas.task.Classification;
import dev.connectome.nas.task.ClassificationTrainer;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.ScheduleSpec;
import dev.connectome.nas.task.TrainResult;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.task.TrainingListener;
import java.util.Arrays;

/** One training run of a wiring benchmark: test accuracy, the last epoch's training accuracy, mean epoch time. */
record WiringTrial(double testAccuracy, double trainAccuracy, double epochSeconds) {

    /** The paper's optimizer (SGD, momentum 0.9, weight decay 1e-4) at the given rate, cosine-annealed. */
    static TrainSettings paperSgd(double lr, int epochs, int batch, long seed, int threads) {
        return paperSgd(lr, epochs, batch, seed, threads, 0);
    }

    /** The same after a linear warm-up of {@code warmupEpochs} (not in the paper's small-scale runs). */
    static TrainSettings paperSgd(double lr, int epochs, int batch, long seed, int threads, int warmupEpochs) {
        OptimizerSpec sgd = new OptimizerSpec(OptimizerSpec.Kind.SGD, lr, 0.9, false, 1e-4, 0.9, 0.999, 1e-8, 0.99);
        ScheduleSpec schedule = ScheduleSpec.cosine(0).withWarmup(warmupEpochs);
        return new TrainSettings(epochs, batch, seed, threads, sgd, schedule, 0, 0);
    }

    static WiringTrial run(Module model, TrainSettings settings, Dataset train, Dataset test) {
        return run(model, settings, train, test, TrainingListener.none());
    }

    static WiringTrial run(Module model, TrainSettings settings, Dataset train, Dataset test,
                           TrainingListener listener) {
        return run(model, settings, BatchAugmentation.none(), train, test, listener);
    }

    static WiringTrial run(Module model, TrainSettings settings, BatchAugmentation augmentation, Dataset train,
                           Dataset test, TrainingListener listener) {
        TrainResult r = new ClassificationTrainer(settings, augmentation).fit(model, train, null, listener);
        if (!r.completed()) {
            return new WiringTrial(Double.NaN, Double.NaN, Double.NaN);
        }
        double epochSeconds = r.epochs().stream().mapToDouble(TrainingListener.EpochSummary::seconds).average().orElse(0);
        double trainAccuracy = 100 * r.epochs().get(r.epochs().size() - 1).trainAccuracy();
        try (Parallelism par = Parallelism.of(settings.threads())) {
            return new WiringTrial(100 * Classification.evaluate(model, test, 500, par).accuracy(), trainAccuracy,
                    epochSeconds);
        }
    }

    /** "mean ± sd" of the finite values, with the per-seed values. */
    static String summary(double[] acc) {
        double[] v = Arrays.stream(acc).filter(Double::isFinite).toArray();
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double sd = Math.sqrt(Arrays.stream(v).map(a -> (a - mean) * (a - mean)).sum() / Math.max(1, v.length - 1));
        StringBuilder per = new StringBuilder();
        for (double a : acc) {
            per.append(per.length() == 0 ? "" : ", ").append(String.format("%.2f", a));
        }
        return String.format("%.2f ± %.2f (%s)", mean, sd, per);
    }
}
