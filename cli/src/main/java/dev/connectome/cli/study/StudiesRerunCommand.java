package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.study.Provenance;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code connectome studies rerun NAME}: builds a fresh study from the settings recorded in NAME's
 * provenance, runs it under a new name, and says whether it found the same best trial. A different
 * best exits with code 1: same settings and seed must give the same search.
 */
@Command(name = "rerun", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Re-run a study from its recorded provenance under a new name and compare the best trials.",
            "Exit code 1 when the best trial differs."})
public final class StudiesRerunCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "NAME", description = "The study to re-run.")
    String name;

    @Option(names = "--as", paramLabel = "NEW", description = "Name of the new study (default: NAME-rerun, NAME-rerun2, ...).")
    String as;

    @Mixin
    StorageOptions storage;

    @Mixin
    StudyTuning tuning;

    @Mixin
    CommonOptions common;

    public StudiesRerunCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (TrialStore store = storage.openExisting()) {
            StudyInfo original = storage.find(store, name);
            Provenance p;
            SearchPlan s;
            try {
                p = Provenance.fromJson(original.provenanceJson());
                s = SearchPlan.fromMap(p.settings());
            } catch (IllegalArgumentException e) {
                throw new UserException("study '" + name + "' cannot be re-run from its provenance: " + e.getMessage(), e);
            }
            String target = as != null ? Nb201Runner.checkName(as) : freeName(store, name + "-rerun");
            if (store.findStudy(target).isPresent()) {
                throw new UserException("study '" + target + "' already exists in " + storage.describe()
                        + "; choose another name with --as");
            }
            Provenance now = Provenance.collect(p.settings(), p.seed(), p.datasetSha256());
            io.out().printf("re-running '%s' as '%s' (recorded with code %s on %s; now code %s on %s)%n", name, target,
                    code(p), p.jvm(), code(now), now.jvm());
            io.out().println(PlanRunner.settingsLine(target, s, storage.describe()));
            io.out().flush();
            long start = System.nanoTime();
            StudyResult r = PlanRunner.run(io, store, target, s, tuning);
            PlanRunner.printOutcome(io, r, s, storage.describe(), (System.nanoTime() - start) / 1e9);
            Optional<TrialRecord> before = Study.best(store.trials(name), original.direction());
            return compare(before, r.best(), store.trials(name).size(), s.trials());
        }
    }

    private int compare(Optional<TrialRecord> before, Optional<TrialRecord> after, int originalTrials, int budget) {
        if (budget > 0 && originalTrials < budget) {
            io.out().printf("note: the original study has only %d of %d trials (resume it to finish it)%n",
                    originalTrials, budget);
        }
        boolean same = before.isPresent() == after.isPresent() && (before.isEmpty()
                || (before.get().number() == after.get().number()
                    && before.get().architecture().equals(after.get().architecture())
                    && Double.compare(before.get().value(), after.get().value()) == 0));
        if (same) {
            io.out().println("best matches the original: " + describe(before));
            return ExitCodes.OK;
        }
        io.out().flush();
        io.err().println("connectome: the re-run's best differs from the original: original " + describe(before)
                + ", re-run " + describe(after));
        io.err().flush();
        return ExitCodes.INTERNAL;
    }

    private static String describe(Optional<TrialRecord> best) {
        return best.map(b -> String.format(Locale.ROOT, "trial %d %s %s", b.number(), TrialProgress.value(b.value()),
                b.architecture())).orElse("none");
    }

    private static String code(Provenance p) {
        return p.codeVersion() + (p.gitCommit() == null ? "" : " (commit " + p.gitCommit() + ")");
    }

    private static String freeName(TrialStore store, String base) {
        String candidate = base;
        for (int i = 2; store.findStudy(candidate).isPresent(); i++) {
            candidate = base + i;
        }
        return candidate;
    }
}
