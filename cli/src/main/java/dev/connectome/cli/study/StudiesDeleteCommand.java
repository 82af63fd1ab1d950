package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.nas.study.TrialStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code connectome studies delete NAME}: removes a study with its trials and snapshots. */
@Command(name = "delete", usageHelpAutoWidth = true, description = "Delete a study with its trials and strategy snapshots.")
public final class StudiesDeleteCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "NAME", description = "The study.")
    String name;

    @Mixin
    StorageOptions storage;

    @Mixin
    CommonOptions common;

    public StudiesDeleteCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (TrialStore store = storage.openExisting()) {
            storage.find(store, name); // a missing study is an error naming the ones there are
            int trials = store.trials(name).size();
            store.deleteStudy(name);
            io.out().printf("deleted study '%s' (%d trials) from %s%n", name, trials, storage.describe());
        }
        return ExitCodes.OK;
    }
}
