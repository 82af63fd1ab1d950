package dev.connectome.cli.subspace;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.DataOptions;
import dev.connectome.cli.Io;
import dev.connectome.cli.TrainingRun;
import dev.connectome.cli.UserException;
import dev.connectome.cli.model.MlpSpec;
import dev.connectome.cli.model.ModelFile;
import dev.connectome.cli.model.ModelHeader;
import dev.connectome.engine.nn.Module;
import dev.connectome.nas.analysis.IntrinsicDimensionSettings;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepResult;
import dev.connectome.nas.subspace.Projections;
import dev.connectome.nas.task.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connectome subspace train}: one network trained in one random subspace. With {@code -o} the trained
 * network is saved with θ = θ₀ + Pω materialised as an ordinary MLP model file, which {@code connectome eval}
 * and {@code connectome export} read like any trained MLP (the projection is not needed any more).
 */
@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Train a network with θ = θ₀ + Pω, only ω (dimension --dim) trainable, with Adam;",
            "prints test accuracy after every epoch. Example:",
            "  connectome subspace train --model mlp:200,200 --dim 750 --projection fastfood --data ../shared/data",
            "-o saves the trained network (θ materialised) as a plain MLP model file for eval and export."})
final class SubspaceTrainCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--dim", paramLabel = "D", required = true, description = "Subspace dimension d.")
    int dim;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Also write the run's curves as CSV.")
    Path csv;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.cnm",
            description = "Save the trained network with θ materialised as an MLP model file.")
    Path output;

    @Mixin
    SubspaceOptions options;

    @Mixin
    DataOptions data;

    @Mixin
    CommonOptions common;

    SubspaceTrainCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (dim < 1) {
            throw new UserException("--dim must be at least 1, got " + dim);
        }
        options.modelSpec();
        options.checkProjection();
        options.subspaceMode();
        options.training(seed);
        SweepRunner.checkWritable(csv);
        if (output != null && options.modelSpec().lenet()) {
            throw new UserException("--output saves MLP model files only; it is not available with --model lenet");
        }
        if (output != null) {
            TrainingRun.checkOutput(output);
        }
        DataOptions.Loaded loaded = data.load();
        SweepResult r;
        if (output == null) {
            r = SweepRunner.run(io, options, loaded, List.of(dim), List.of(seed), false);
        } else {
            Module[] trained = new Module[1];
            r = runKeepingModel(loaded, trained);
            if (r.runs().get(0).failure() == null) {
                save(loaded, trained[0], r);
            }
        }
        var run = r.runs().get(0);
        io.out().printf(Locale.ROOT, "d = %d of D = %d: test accuracy %.2f%% (%.1fs)%n", dim, r.ambientDimension(),
                100 * run.accuracy(), run.seconds());
        if (csv != null) {
            SweepRunner.write(io, r, csv, null, "");
        }
        return run.failure() == null ? 0 : 1;
    }

    /**
     * As {@link SweepRunner#run} for one d and seed, but keeps the wrapped network: after training its parameters
     * hold θ(ω) of the last forward pass, the final evaluation on the test set, i.e. the trained ω.
     */
    private SweepResult runKeepingModel(DataOptions.Loaded loaded, Module[] trained) {
        SubspaceOptions.ModelSpec spec = options.modelSpec();
        int inputs = loaded.train().sampleSize();
        int classes = loaded.train().numClasses();
        IntrinsicDimensionSettings settings;
        try {
            settings = new IntrinsicDimensionSettings(List.of(dim), List.of(seed), options.projection,
                    options.subspaceMode(), options.training(seed), 0.9, false);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        io.out().printf(Locale.ROOT, "model %s, data %s (%d train, %d test), projection %s (%s)%n",
                spec.describe(inputs, classes), loaded.origin(), loaded.train().size(), loaded.test().size(),
                options.projection, settings.mode().name().toLowerCase(Locale.ROOT));
        return new IntrinsicDimensionSweep(settings, Projections.standard()).run(
                rng -> trained[0] = spec.build(inputs, classes, rng), loaded.train(), loaded.test(),
                new IntrinsicDimensionSweep.Listener() {
                    @Override
                    public TrainingListener training() {
                        return new TrainingListener() {
                            @Override
                            public void onEpoch(EpochSummary s) {
                                io.out().printf(Locale.ROOT, "  epoch %d/%d  train loss %.4f  test loss %.4f  test accuracy %.2f%%  %.1fs%n",
                                        s.epoch(), s.epochs(), s.trainLoss(), s.validationLoss(), 100 * s.validationAccuracy(), s.seconds());
                                io.out().flush();
                            }
                        };
                    }

                    @Override
                    public void onRunEnd(IntrinsicDimensionSweep.SweepRun run) {
                        if (run.failure() != null) {
                            io.out().println("  stopped: " + run.failure() + " (no model saved)");
                        }
                    }
                });
    }

    private void save(DataOptions.Loaded loaded, Module model, SweepResult r) {
        SubspaceOptions.ModelSpec spec = options.modelSpec();
        MlpSpec arch = MlpSpec.of(loaded.train().sampleSize(), spec.hidden(), spec.activation().id(),
                loaded.train().numClasses(), loaded.train().sampleShape(), loaded.train().classNames());
        var run = r.runs().get(0);
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("command", "subspace train");
        training.put("dim", dim);
        training.put("projection", options.projection);
        training.put("mode", options.subspaceMode().name().toLowerCase(Locale.ROOT));
        training.put("epochs", options.epochs);
        training.put("batch", options.batch);
        training.put("lr", options.lr);
        training.put("beta2", options.beta2);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("testAccuracy", run.accuracy());
        metrics.put("testLoss", run.loss());
        metrics.put("testSamples", loaded.test().size());
        metrics.put("trainSeconds", run.seconds());
        ModelHeader.Provenance provenance = new ModelHeader.Provenance(loaded.name(), loaded.train().sha256(), seed,
                TrainingRun.versionString(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                System.getProperty("java.version") + " " + System.getProperty("java.vm.name"));
        try {
            ModelFile.write(output, ModelHeader.describe(arch, model, training, metrics, provenance), model);
        } catch (IOException e) {
            throw new UserException("cannot write model file " + output + ": " + e, e);
        }
        io.out().println("model saved to " + output + " (θ = θ₀ + Pω materialised: a plain " + arch.describe() + " MLP)");
    }
}
