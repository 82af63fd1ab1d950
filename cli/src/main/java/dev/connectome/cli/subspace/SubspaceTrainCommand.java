package dev.connectome.cli.subspace;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.DataOptions;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code connectome subspace train}: one network trained in one random subspace. */
@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Train a network with θ = θ₀ + Pω, only ω (dimension --dim) trainable, with Adam;",
            "prints test accuracy after every epoch. Example:",
            "  connectome subspace train --model mlp:200,200 --dim 750 --projection fastfood --data ../shared/data"})
final class SubspaceTrainCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--dim", paramLabel = "D", required = true, description = "Subspace dimension d.")
    int dim;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Also write the run's curves as CSV.")
    Path csv;

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
        DataOptions.Loaded loaded = data.load();
        SweepResult r = SweepRunner.run(io, options, loaded, List.of(dim), List.of(seed), false);
        var run = r.runs().get(0);
        io.out().printf(Locale.ROOT, "d = %d of D = %d: test accuracy %.2f%% (%.1fs)%n", dim, r.ambientDimension(),
                100 * run.accuracy(), run.seconds());
        if (csv != null) {
            SweepRunner.write(io, r, csv, null, "");
        }
        return run.failure() == null ? 0 : 1;
    }
}
