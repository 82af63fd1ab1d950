package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code connectome studies}: list, inspect, resume, re-run and delete stored studies. */
@Command(name = "studies", usageHelpAutoWidth = true,
        description = {"Manage stored studies: list, show, resume, rerun, delete (all take --storage)."})
public final class StudiesCommand implements Callable<Integer> {
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
