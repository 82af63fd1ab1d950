package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.TrialStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code connectome studies resume NAME}: continues an interrupted study with its stored settings.
 * Finished trials are kept, trials whose worker died are re-queued once their heartbeat is stale,
 * and the result equals that of an uninterrupted run.
 */
@Command(name = "resume", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Continue an interrupted study with its stored settings; finished trials are not run again."})
public final class StudiesResumeCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "NAME", description = "The study.")
    String name;

    @Option(names = "--workers", paramLabel = "K",
            description = "Trials evaluated at once in this process (default: as stored; the search path does not change).")
    Integer workers;

    @Mixin
    StorageOptions storage;

    @Mixin
    StudyTuning tuning;

    @Mixin
    CommonOptions common;

    public StudiesResumeCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (TrialStore store = storage.openExisting()) {
            StudyInfo info = storage.find(store, name);
            SearchPlan s = SearchPlan.of(info); // any kind: NB201 table, reinforce/naswot, layer chain
            if (workers != null) {
                if (workers < 1) {
                    throw new UserException("--workers must be >= 1, got " + workers);
                }
                s = s.withWorkers(workers);
            }
            io.out().println(PlanRunner.settingsLine(name, s, storage.describe()));
            long finished = store.trials(name).stream().filter(t -> t.state().isFinished()).count();
            io.out().printf("resuming study '%s' (%d trials finished)%n", name, finished);
            io.out().flush();
            long start = System.nanoTime();
            StudyResult r = PlanRunner.run(io, store, name, s, tuning);
            PlanRunner.printOutcome(io, r, s, storage.describe(), (System.nanoTime() - start) / 1e9);
        }
        return ExitCodes.OK;
    }
}
