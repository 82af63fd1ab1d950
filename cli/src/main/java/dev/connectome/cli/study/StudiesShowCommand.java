package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.Provenance;
import dev.connectome.nas.study.Settings;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.nas.study.TrialStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connectome studies show NAME}: settings, provenance, trial counts and the top trials. */
@Command(name = "show", usageHelpAutoWidth = true, description = "Show a study's settings, provenance, trial counts and top trials.")
public final class StudiesShowCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "NAME", description = "The study.")
    String name;

    @Option(names = "--top", paramLabel = "K", defaultValue = "10", description = "Trials in the top list (default: ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    StorageOptions storage;

    @Mixin
    CommonOptions common;

    public StudiesShowCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (TrialStore store = storage.openExisting()) {
            StudyInfo info = storage.find(store, name);
            List<TrialRecord> trials = store.trials(name);
            io.out().printf("study %s (%s search over %s, %s, %s), created %s%n", info.name(), info.strategy(),
                    info.space(), info.evaluator(), info.direction().name().toLowerCase(java.util.Locale.ROOT), info.created());
            io.out().println("settings:");
            Settings.fromJson(info.settingsJson()).forEach((k, v) -> io.out().println("  " + k + ": " + v));
            printProvenance(info);
            Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
            trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
            List<String> parts = new ArrayList<>();
            counts.forEach((state, n) -> parts.add(n + " " + state.name().toLowerCase(java.util.Locale.ROOT)));
            io.out().println("trials: " + trials.size() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")"));
            List<TrialRecord> best = topTrials(trials, info.direction(), Math.max(0, top));
            if (!best.isEmpty()) {
                io.out().println("top trials:");
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"  RANK", "TRIAL", "VALUE", "ARCHITECTURE"});
                for (int i = 0; i < best.size(); i++) {
                    TrialRecord t = best.get(i);
                    rows.add(new String[] {"  " + (i + 1), Integer.toString(t.number()), TrialProgress.value(t.value()),
                        t.architecture()});
                }
                Tables.print(io.out(), rows);
            }
            trials.stream().filter(t -> t.state() == TrialState.FAILED).limit(5).forEach(t ->
                    io.out().println("failed trial " + t.number() + ": " + t.failure()));
        }
        return ExitCodes.OK;
    }

    private void printProvenance(StudyInfo info) {
        Provenance p;
        try {
            p = Provenance.fromJson(info.provenanceJson());
        } catch (IllegalArgumentException e) {
            io.out().println("provenance: unreadable (" + e.getMessage() + ")");
            return;
        }
        io.out().println("provenance:");
        io.out().println("  seed: " + p.seed());
        io.out().println("  data sha256: " + (p.datasetSha256() == null ? "-" : p.datasetSha256()));
        io.out().println("  code: " + p.codeVersion() + (p.gitCommit() == null ? "" : " (commit " + p.gitCommit() + ")"));
        io.out().println("  jvm: " + p.jvm());
        io.out().println("  os: " + p.os() + ", " + p.cores() + " cores");
        io.out().println("  recorded: " + p.recorded());
    }

    /** The best {@code k} COMPLETE trials, best first (ties: lower trial number first). */
    static List<TrialRecord> topTrials(List<TrialRecord> trials, Direction direction, int k) {
        Comparator<TrialRecord> byValue = Comparator.comparingDouble(TrialRecord::value);
        if (direction == Direction.MAXIMIZE) {
            byValue = byValue.reversed();
        }
        return trials.stream().filter(TrialRecord::isComplete)
                .sorted(byValue.thenComparingInt(TrialRecord::number)).limit(k).toList();
    }
}
