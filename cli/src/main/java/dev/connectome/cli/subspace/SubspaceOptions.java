package dev.connectome.cli.subspace;

import dev.connectome.cli.UserException;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Mlp;
import dev.connectome.engine.nn.Module;
import dev.connectome.nas.subspace.LeNet;
import dev.connectome.nas.subspace.Projections;
import dev.connectome.nas.subspace.SubspaceMode;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.TrainSettings;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Option;

/** Model, projection and training options shared by {@code subspace train} and {@code subspace sweep}. */
public final class SubspaceOptions {
    @Option(names = "--model", paramLabel = "SPEC", defaultValue = "mlp:200,200",
            description = "Network: mlp:H1,H2,… (ReLU), mlp:H1,…:ACTIVATION, or lenet (Li et al.'s LeNet: conv 6@5×5, pool, conv 16@5×5, pool, FC 120-84, "
                    + "square one-channel images); inputs and classes come from the data (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--projection", paramLabel = "NAME", defaultValue = "fastfood",
            description = "Projection P: fastfood, fastfood-li, sparse, dense, dense-qr (default: ${DEFAULT-VALUE}).")
    String projection;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "offset",
            description = "offset: θ = θ₀ + Pω (Li et al.); absolute: θ = Pω (seed 003, with dense-qr) (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Training epochs per run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "1e-3", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--beta2", paramLabel = "B2", defaultValue = "0.99", description = "Adam β2 (Li et al.: 0.99; default: ${DEFAULT-VALUE}).")
    double beta2;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Kernel threads (1 gives bit-identical runs for a seed; default: ${DEFAULT-VALUE}).")
    int threads;

    /** The parsed network description: an MLP, or LeNet when {@code lenet} (then hidden and activation are unused). */
    record ModelSpec(int[] hidden, Activation activation, boolean lenet) {
        Module build(int inputs, int classes, RandomGenerator rng) {
            if (lenet) {
                try {
                    return LeNet.forFeatures(inputs, classes, rng);
                } catch (IllegalArgumentException e) {
                    throw new UserException("--model lenet: " + e.getMessage());
                }
            }
            return Mlp.of(inputs, hidden, classes, activation, rng);
        }

        String describe(int inputs, int classes) {
            if (lenet) {
                int side = (int) Math.round(Math.sqrt(inputs));
                return "lenet " + side + "×" + side + " conv6@5×5-pool-conv16@5×5-pool-120-84-" + classes + " relu";
            }
            StringBuilder sb = new StringBuilder().append(inputs);
            for (int h : hidden) {
                sb.append('-').append(h);
            }
            return sb.append('-').append(classes).append(' ').append(activation.name().toLowerCase(java.util.Locale.ROOT))
                    .toString();
        }
    }

    ModelSpec modelSpec() {
        if (model.trim().equalsIgnoreCase("lenet")) {
            return new ModelSpec(new int[0], Activation.RELU, true);
        }
        String[] parts = model.split(":");
        if (parts.length < 2 || parts.length > 3 || !parts[0].equalsIgnoreCase("mlp")) {
            throw new UserException("--model: expected mlp:H1,H2,…, mlp:H1,…:ACTIVATION or lenet, got '" + model + "'");
        }
        int[] hidden;
        try {
            hidden = Arrays.stream(parts[1].split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new UserException("--model: hidden widths must be integers, got '" + parts[1] + "'");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new UserException("--model: hidden widths must be at least 1, got " + h);
            }
        }
        Activation act;
        try {
            act = parts.length == 3 ? Activation.parse(parts[2]) : Activation.RELU;
        } catch (IllegalArgumentException e) {
            throw new UserException("--model: " + e.getMessage());
        }
        return new ModelSpec(hidden, act, false);
    }

    SubspaceMode subspaceMode() {
        try {
            return SubspaceMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new UserException("--mode: " + e.getMessage());
        }
    }

    void checkProjection() {
        try {
            Projections.standard().get(projection);
        } catch (IllegalArgumentException e) {
            throw new UserException("--projection: " + e.getMessage());
        }
    }

    /** Training settings (Adam with β2 from --beta2, no validation split: runs are validated on the test set). */
    TrainSettings training(long seed) {
        if (threads < 1) {
            throw new UserException("--threads must be at least 1, got " + threads);
        }
        try {
            OptimizerSpec adam = new OptimizerSpec(OptimizerSpec.Kind.ADAM, lr, 0, false, 0, 0.9, beta2, 1e-8, 0.99);
            adam.create(java.util.List.of(dev.connectome.engine.Tensor.parameter(new float[1], 1))); // range checks
            return TrainSettings.defaults().withEpochs(epochs).withBatchSize(batch).withSeed(seed).withThreads(threads)
                    .withValidationFraction(0).withOptimizer(adam);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
