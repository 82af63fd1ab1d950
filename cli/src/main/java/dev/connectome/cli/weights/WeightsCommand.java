package dev.connectome.cli.weights;

import picocli.CommandLine.Command;

/** {@code connectome weights}: training a fixed topology's per-connection weights. */
@Command(name = "weights", description = "Train the per-connection weights of a WANN genome (.out file).",
        mixinStandardHelpOptions = true)
public final class WeightsCommand {
}
