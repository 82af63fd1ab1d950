package dev.connectome.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code connectome} command; it only dispatches to subcommands. */
@Command(name = "connectome", versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        description = {"Discover neural network architectures and wirings on the JVM.", ""},
        footer = {"", "Settings can also come from YAML: connectome train -c settings.yaml (keys are long option names).",
            "Exit codes: 0 success, 1 internal error, 2 bad usage or input (one line on stderr)."})
final class ConnectomeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
