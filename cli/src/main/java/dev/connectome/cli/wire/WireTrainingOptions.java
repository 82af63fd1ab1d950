package dev.connectome.cli.wire;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.UserException;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.task.BatchAugmentation;
import dev.connectome.nas.task.ImageShiftFlip;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.ScheduleSpec;
import dev.connectome.nas.task.TrainSettings;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Training flags shared by the wire commands. Defaults are the paper's (allenai/dnw small-scale):
 * SGD, momentum 0.9, weight decay 1e-4, here with learning rate 0.05 and a cosine schedule over a
 * few epochs instead of 160 epochs of step decay.
 */
public final class WireTrainingOptions {
    @Mixin
    CommonOptions common; // --help, --verbose, --config for both wire commands

    @Option(names = "--epochs", defaultValue = "3", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", defaultValue = "sgd", description = "sgd or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.05", description = "Learning rate (default: ${DEFAULT-VALUE}; use 0.001 with adam).")
    double lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--weight-decay", defaultValue = "1e-4", description = "Weight decay on all weights, used or not (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of initialisation, random graphs and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "1", description = "Kernel threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--shift", paramLabel = "PIXELS", defaultValue = "0",
            description = "Shift training images randomly by up to this many pixels, black coming in (a random crop of "
                    + "the padded image; default: ${DEFAULT-VALUE}, off).")
    int shift;

    @Option(names = "--flip", description = "Mirror training images left-right with probability 1/2.")
    boolean flip;

    /** The augmentation of {@code train}'s image batches ([C, H, W] or [H, W] samples); none unless asked for. */
    BatchAugmentation augmentation(Dataset train) {
        if (shift == 0 && !flip) {
            return BatchAugmentation.none();
        }
        try {
            return ImageShiftFlip.forImages(train, shift, flip);
        } catch (IllegalArgumentException e) {
            throw new UserException("--shift/--flip: " + e.getMessage());
        }
    }

    /** The validated settings; bad values are user errors. */
    TrainSettings settings() {
        OptimizerSpec.Kind kind;
        try {
            kind = OptimizerSpec.Kind.parse(optimizer);
        } catch (IllegalArgumentException e) {
            throw new UserException("--optimizer: " + e.getMessage());
        }
        if (kind != OptimizerSpec.Kind.SGD && kind != OptimizerSpec.Kind.ADAM) {
            throw new UserException("--optimizer must be sgd or adam, got " + optimizer);
        }
        try {
            OptimizerSpec spec = new OptimizerSpec(kind, lr, kind == OptimizerSpec.Kind.SGD ? momentum : 0, false,
                    weightDecay, 0.9, 0.999, 1e-8, 0.99);
            return new TrainSettings(epochs, batch, seed, threads, spec, ScheduleSpec.cosine(0), 0, 0);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
