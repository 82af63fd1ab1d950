package dev.connectome.cli.subspace;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.DataOptions;
import dev.connectome.cli.Io;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepResult;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code connectome subspace sweep}: the intrinsic-dimension sweep with CSV and HTML report. */
@Command(name = "sweep", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Train the full network and the network in subspaces of each --dims per seed, estimate",
            "d_int90 (smallest d reaching 90% of the baseline's test accuracy, interpolated), write CSV + HTML. Example:",
            "  connectome subspace sweep --dims 10,100,300,500,750,1000,2000 --data ../shared/data"})
final class SubspaceSweepCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--dims", paramLabel = "D", split = ",", defaultValue = "10,100,300,500,750,1000,2000",
            description = "Subspace dimensions, ascending (default: ${DEFAULT-VALUE}).")
    List<Integer> dims;

    @Option(names = "--seeds", paramLabel = "S", split = ",", defaultValue = "1,2",
            description = "One run per dimension and seed (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--no-baseline", negatable = false, description = "Skip training the full network (d_int then uses 90% absolute only).")
    boolean noBaseline;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv", defaultValue = "subspace-sweep.csv",
            description = "CSV of every epoch and sampled loss of every run (default: ${DEFAULT-VALUE}).")
    Path csv;

    @Option(names = "--report", paramLabel = "FILE.html", defaultValue = "subspace-sweep.html",
            description = "Self-contained HTML report (default: ${DEFAULT-VALUE}).")
    Path html;

    @Mixin
    SubspaceOptions options;

    @Mixin
    DataOptions data;

    @Mixin
    CommonOptions common;

    SubspaceSweepCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        options.modelSpec();
        options.checkProjection();
        options.subspaceMode();
        options.training(seeds.isEmpty() ? 1 : seeds.get(0));
        SweepRunner.checkWritable(csv);
        SweepRunner.checkWritable(html);
        DataOptions.Loaded loaded = data.load();
        SweepResult r = SweepRunner.run(io, options, loaded, dims, seeds, !noBaseline);
        SweepRunner.printEstimate(io, r);
        SweepRunner.write(io, r, csv, html, "Intrinsic dimension: " + loaded.name());
        return 0;
    }
}
