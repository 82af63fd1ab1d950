package dev.connectome.cli.wann;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.Io;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code connectome wann}: weight agnostic neural networks; dispatches to its subcommands. */
@Command(name = "wann", usageHelpAutoWidth = true,
        description = {"Weight agnostic neural networks (Gaier and Ha 2019): evolve topologies judged at shared weights,",
            "evaluate, draw and export them (WANNRelease .out files)."})
public final class WannCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    /** The {@code wann} command with its subcommands. */
    public static CommandLine commandLine(Io io) {
        CommandLine wann = new CommandLine(new WannCommand());
        wann.addSubcommand(new CommandLine(new WannSearchCommand(io)));
        wann.addSubcommand(new CommandLine(new WannEvalCommand(io)));
        wann.addSubcommand(new CommandLine(new WannShowCommand(io)));
        wann.addSubcommand(new CommandLine(new WannExportCommand(io)));
        return wann;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
