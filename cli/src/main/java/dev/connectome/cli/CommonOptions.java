package dev.connectome.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options every command has. Both are also read before parsing (by {@link Main}) so that they work
 * even when the rest of the command line is wrong.
 */
public final class CommonOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE.yaml",
            description = "Read settings from a YAML file whose keys are long option names; flags override it.")
    Path config;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-v", "--verbose"},
            description = "Log library messages at debug level and print stack traces of errors.")
    boolean verbose;
}
