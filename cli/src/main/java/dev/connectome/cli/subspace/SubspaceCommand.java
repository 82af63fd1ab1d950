package dev.connectome.cli.subspace;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.Io;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code connectome subspace}: training in random subspaces and intrinsic dimension; dispatches to its subcommands. */
@Command(name = "subspace", usageHelpAutoWidth = true,
        description = {"Train a network in a random d-dimensional subspace of its parameters (Li et al. 2018),",
            "or sweep d to measure the intrinsic dimension d_int90."})
public final class SubspaceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }

    /** The command with its subcommands (train, sweep), writing to {@code io}. */
    public static CommandLine commandLine(Io io) {
        CommandLine cl = new CommandLine(new SubspaceCommand());
        cl.addSubcommand(new CommandLine(new SubspaceTrainCommand(io)));
        cl.addSubcommand(new CommandLine(new SubspaceSweepCommand(io)));
        return cl;
    }
}
