package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.study.StudyBuilder;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialStore;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connectome nas work}: an extra worker for a study another process runs (usually on a shared
 * PostgreSQL store): it claims queued trials and evaluates them until the study's budget is done or
 * nothing was queued for the idle time. The study's settings come from the store.
 */
@Command(name = "work", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Join a running study as an extra worker: claim and evaluate its queued trials.",
            "Start the study with 'connectome nas search' on the same --storage; any number of workers may join."})
public final class NasWorkCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--study", paramLabel = "NAME", required = true, description = "The study to work on.")
    String study;

    @Option(names = "--workers", paramLabel = "K", defaultValue = "1",
            description = "Trials evaluated at once in this process (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--idle", paramLabel = "SECONDS", defaultValue = "30",
            description = "Stop after this long with nothing to claim (default: ${DEFAULT-VALUE}).")
    double idle;

    @Mixin
    StorageOptions storage;

    @Mixin
    StudyTuning tuning;

    @Mixin
    CommonOptions common;

    public NasWorkCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (workers < 1) {
            throw new UserException("--workers must be >= 1, got " + workers);
        }
        if (!(idle > 0)) {
            throw new UserException("--idle must be a positive number of seconds, got " + idle);
        }
        try (TrialStore store = storage.openExisting()) {
            SearchPlan plan = SearchPlan.of(storage.find(store, study));
            if (!plan.acceptsRemoteWorkers()) {
                throw new UserException("study '" + study + "' cannot take workers: its trials are scored with weights "
                        + "only the searching process holds (ENAS); continue it with 'connectome studies resume " + study + "'");
            }
            io.out().printf(Locale.ROOT, "working on study '%s' in %s with %d thread(s)%n", study, storage.describe(), workers);
            io.out().flush();
            long start = System.nanoTime();
            StudyResult r;
            try (ThreadExecutor executor = ThreadExecutor.of(workers)) {
                StudyBuilder<?> b = plan.builder(study, store, executor)
                        .idleTimeout(Duration.ofMillis(Math.round(idle * 1000)));
                r = PlanRunner.build(b, tuning).work();
            }
            io.out().printf(Locale.ROOT, "evaluated %d trial(s) of study '%s' in %.1fs; stopped by %s%n", r.evaluated(),
                    study, (System.nanoTime() - start) / 1e9, Nb201Runner.stopReason(r.stopReason()));
        }
        return ExitCodes.OK;
    }
}
