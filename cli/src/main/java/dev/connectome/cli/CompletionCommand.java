package dev.connectome.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code connectome completion}: prints a bash/zsh completion script for every command and option. */
@Command(name = "completion", usageHelpAutoWidth = true,
        description = {"Print a shell completion script for bash (and zsh with bashcompinit).",
            "Use: source <(connectome completion)   or   connectome completion > /etc/bash_completion.d/connectome"})
final class CompletionCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    CompletionCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.out().print(AutoComplete.bash("connectome", spec.root().commandLine()));
        io.out().flush();
        return ExitCodes.OK;
    }
}
