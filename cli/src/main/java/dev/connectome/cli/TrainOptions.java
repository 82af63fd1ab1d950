package dev.connectome.cli;

import dev.connectome.engine.nn.Activation;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.ScheduleSpec;
import dev.connectome.nas.task.TrainSettings;
import picocli.CommandLine.Option;

/** The network and training settings of {@code connectome train}; {@link #settings()} validates them. */
public final class TrainOptions {
    @Option(names = "--hidden", paramLabel = "N", split = ",", defaultValue = "200,200",
            description = "Hidden layer widths (default: ${DEFAULT-VALUE}).")
    int[] hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "Activation between layers: relu, tanh, sigmoid, sin, cos, gaussian, abs, square, step, linear (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
            description = "sgd, adam, adamw or rmsprop (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-3", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0", description = "SGD/RMSprop momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--nesterov", defaultValue = "false", description = "Nesterov momentum for SGD.")
    boolean nesterov;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "0",
            description = "Weight decay: L2 for sgd/adam/rmsprop, decoupled for adamw (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--beta1", paramLabel = "B1", defaultValue = "0.9", description = "Adam β1 (default: ${DEFAULT-VALUE}).")
    double beta1;

    @Option(names = "--beta2", paramLabel = "B2", defaultValue = "0.999", description = "Adam β2 (default: ${DEFAULT-VALUE}).")
    double beta2;

    @Option(names = "--eps", paramLabel = "EPS", defaultValue = "1e-8", description = "Adam/RMSprop ε (default: ${DEFAULT-VALUE}).")
    double eps;

    @Option(names = "--alpha", paramLabel = "A", defaultValue = "0.99", description = "RMSprop smoothing constant (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--schedule", paramLabel = "NAME", defaultValue = "constant",
            description = "Learning-rate schedule: constant, step, cosine (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--step-epochs", paramLabel = "N", defaultValue = "1",
            description = "Step schedule: multiply the rate by --gamma every N epochs (default: ${DEFAULT-VALUE}).")
    int stepEpochs;

    @Option(names = "--gamma", paramLabel = "G", defaultValue = "0.1", description = "Step schedule decay factor (default: ${DEFAULT-VALUE}).")
    double gamma;

    @Option(names = "--min-lr-factor", paramLabel = "F", defaultValue = "0",
            description = "Cosine schedule: final rate as a fraction of --lr (default: ${DEFAULT-VALUE}).")
    double minLrFactor;

    @Option(names = "--warmup", paramLabel = "EPOCHS", defaultValue = "0",
            description = "Cosine schedule: linear warm-up epochs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--clip", paramLabel = "NORM", defaultValue = "0",
            description = "Clip the global gradient norm to NORM (0: off; default: ${DEFAULT-VALUE}).")
    double clip;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "Kernel threads (0: all cores; 1 gives bit-identical runs for a seed; default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--validation", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Share of the training data held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    /** The activation, or a user error listing the valid names. */
    Activation activation() {
        try {
            return Activation.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new UserException("--activation: " + e.getMessage());
        }
    }

    /** The validated settings; any bad value is a user error naming the problem. */
    TrainSettings settings() {
        for (int h : hidden) {
            if (h < 1) {
                throw new UserException("--hidden: layer widths must be at least 1, got " + h);
            }
        }
        activation();
        try {
            OptimizerSpec opt = new OptimizerSpec(OptimizerSpec.Kind.parse(optimizer), lr, momentum, nesterov,
                    weightDecay, beta1, beta2, eps, alpha);
            opt.create(java.util.List.of(dev.connectome.engine.Tensor.parameter(new float[1], 1))); // engine checks ranges
            ScheduleSpec sched = new ScheduleSpec(ScheduleSpec.Kind.parse(schedule), stepEpochs, gamma, minLrFactor, warmup);
            return new TrainSettings(epochs, batch, seed, resolveThreads(threads), opt, sched, clip, validation);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    static int resolveThreads(int threads) {
        if (threads < 0) {
            throw new UserException("--threads must be >= 0, got " + threads);
        }
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
