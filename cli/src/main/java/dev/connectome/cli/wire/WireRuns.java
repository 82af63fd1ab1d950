package dev.connectome.cli.wire;

import dev.connectome.cli.DataOptions;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.nn.Module;
import dev.connectome.nas.task.BatchAugmentation;
import dev.connectome.nas.task.Classification;
import dev.connectome.nas.task.ClassificationTrainer;
import dev.connectome.nas.task.TrainResult;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.task.TrainingListener;
import java.util.Locale;

/** Training a wired model and printing one line per epoch and the test accuracy. */
final class WireRuns {
    private WireRuns() {
    }

    /** A listener that prints each epoch's summary. */
    static TrainingListener epochPrinter(Io io) {
        return new TrainingListener() {
            @Override
            public void onEpoch(EpochSummary s) {
                io.out().printf(Locale.ROOT, "epoch %d/%d: train loss %.4f, train accuracy %.2f%%, %.1f s%n", s.epoch(),
                        s.epochs(), s.trainLoss(), 100 * s.trainAccuracy(), s.seconds());
            }
        };
    }

    /** Trains on the loaded training set and returns the test accuracy (percent). */
    static double trainAndTest(Io io, Module model, DataOptions.Loaded data, TrainSettings settings,
                               BatchAugmentation augmentation, TrainingListener listener) {
        TrainResult r = new ClassificationTrainer(settings, augmentation).fit(model, data.train(), null, listener);
        if (!r.completed()) {
            throw new UserException("training stopped: " + r.failure());
        }
        double acc;
        try (Parallelism par = Parallelism.of(settings.threads())) {
            acc = 100 * Classification.evaluate(model, data.test(), 500, par).accuracy();
        }
        io.out().printf(Locale.ROOT, "test accuracy %.2f%% on %d %s test samples%n", acc, data.test().size(), data.name());
        return acc;
    }

    static int[] parseSizes(String text, String flag) {
        try {
            String[] parts = text.split(",");
            int[] sizes = new int[parts.length];
            for (int i = 0; i < parts.length; i++) {
                sizes[i] = Integer.parseInt(parts[i].trim());
                if (sizes[i] <= 0) {
                    throw new NumberFormatException();
                }
            }
            return sizes;
        } catch (NumberFormatException e) {
            throw new UserException(flag + " needs comma-separated positive sizes, e.g. 100,100,100; got '" + text + "'");
        }
    }
}
