package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.nas.study.TrialStore;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code connectome studies list}: one line per study with its trial counts and best value. */
@Command(name = "list", usageHelpAutoWidth = true, description = "List the studies in the store with trial counts and best value.")
public final class StudiesListCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    StorageOptions storage;

    @Mixin
    CommonOptions common;

    public StudiesListCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (TrialStore store = storage.openExisting()) {
            List<StudyInfo> studies = store.listStudies();
            if (studies.isEmpty()) {
                io.out().println("no studies in " + storage.describe());
                return ExitCodes.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"STUDY", "SEARCH", "COMPLETE", "FAILED", "OTHER", "BEST", "CREATED"});
            for (StudyInfo s : studies) {
                List<TrialRecord> trials = store.trials(s.name());
                long complete = trials.stream().filter(TrialRecord::isComplete).count();
                long failed = trials.stream().filter(t -> t.state() == TrialState.FAILED).count();
                Optional<TrialRecord> best = Study.best(trials, s.direction());
                rows.add(new String[] {s.name(), s.strategy() + "/" + s.space() + "/" + s.evaluator(),
                    Long.toString(complete), Long.toString(failed), Long.toString(trials.size() - complete - failed),
                    best.map(b -> TrialProgress.value(b.value())).orElse("-"),
                    s.created().truncatedTo(ChronoUnit.SECONDS).toString()});
            }
            Tables.print(io.out(), rows);
        }
        return ExitCodes.OK;
    }
}
