package dev.connectome.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code connectome train}: trains an MLP classifier and saves it as a model file. */
@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Train an MLP classifier (default: on the embedded MNIST sample) and save it as a model file.",
            "Prints the resolved settings, a progress bar per epoch, and validation and test accuracy."})
final class TrainCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandSpec spec;

    @Mixin
    TrainOptions train;

    @Mixin
    DataOptions data;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.cnm", defaultValue = "model.cnm",
            description = "Where to save the trained model (default: ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    CommonOptions common;

    TrainCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        var settings = train.settings();
        TrainingRun.checkOutput(output);
        train.threads = settings.threads(); // print the resolved count, not 0

        io.out().println(ResolvedSettings.line(spec));
        var loaded = data.load();
        var outcome = TrainingRun.run(io, loaded, train.hidden, train.activation(), settings, ResolvedSettings.map(spec));
        TrainingRun.save(io, output, outcome);
        return ExitCodes.OK;
    }
}
