package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code connectome nas lookup ARCH}: an NB201 cell's canonical form and its accuracies in the bundled table. */
@Command(name = "lookup", usageHelpAutoWidth = true,
        description = {"Look up a NAS-Bench-201 cell in the bundled accuracy table.",
            "ARCH is an NB201 architecture string, e.g. '|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|'."})
public final class NasLookupCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "ARCH", description = "The architecture string.")
    String arch;

    @Mixin
    CommonOptions common;

    public NasLookupCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        Nb201Cell cell;
        try {
            cell = Nb201Cell.parse(arch);
        } catch (UnknownArchitectureException e) {
            throw new UserException(e.getMessage(), e);
        }
        Nb201Table table = Nb201Table.get();
        int index = table.index(cell);
        io.out().println("architecture: " + cell.format());
        io.out().println("canonical:    " + cell.uniqueString());
        io.out().println("nb201 index:  " + index);
        for (Nb201Dataset d : Nb201Dataset.values()) {
            io.out().printf(Locale.ROOT, "%-13s %.2f%% test accuracy (200 epochs)%n", d.id() + ":", table.accuracy(index, d));
        }
        return ExitCodes.OK;
    }
}
