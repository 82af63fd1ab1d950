package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code connectome nas}: architecture search studies; dispatches to its subcommands. */
@Command(name = "nas", usageHelpAutoWidth = true,
        description = {"Neural architecture search: run a search study, join one as a worker, look up an architecture."})
public final class NasCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
