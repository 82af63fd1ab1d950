package dev.connectome.cli.wire;

import dev.connectome.cli.Io;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code connectome wire}: Discovering Neural Wirings commands. */
@Command(name = "wire", usageHelpAutoWidth = true,
        description = "Learn sparse wirings (Discovering Neural Wirings): static neural graphs and sparse layers.")
public final class WireCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The {@code wire} command line with its subcommands, ready to add to the top-level command. */
    public static CommandLine commandLine(Io io) {
        CommandLine wire = new CommandLine(new WireCommand());
        wire.addSubcommand(new CommandLine(new WireTrainCommand(io)));
        wire.addSubcommand(new CommandLine(new WireSparseCommand(io)));
        return wire;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
