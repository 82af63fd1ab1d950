package dev.connectome.cli.study;

import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.StudyBuilder;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Runs any {@link SearchPlan} for the commands that rebuild studies from stored settings. */
public final class PlanRunner {
    private PlanRunner() {
    }

    /** Runs (or resumes) study {@code name} to its budget with a progress line per trial. */
    public static StudyResult run(Io io, TrialStore store, String name, SearchPlan plan, StudyTuning tuning) {
        try (ThreadExecutor executor = ThreadExecutor.of(plan.workers())) {
            TrialProgress progress = new TrialProgress(io.out(), io.tty(), plan.trials(), "%");
            StudyBuilder<?> builder = plan.builder(name, store, executor).listener(progress);
            StudyResult result = build(builder, tuning).run();
            progress.finish();
            return result;
        }
    }

    /** Builds the study, applying the tuning (may be null); bad settings are user errors. */
    static <A> Study<A> build(StudyBuilder<A> builder, StudyTuning tuning) {
        if (tuning != null) {
            tuning.apply(builder);
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** Sets the study's stopping limits: trials (0: none), seconds and target (null: none). */
    static <A> StudyBuilder<A> limits(StudyBuilder<A> b, int trials, Double maxSeconds, Double target) {
        if (trials > 0) {
            b.trials(trials);
        }
        if (maxSeconds != null) {
            b.time(Duration.ofMillis(Math.round(maxSeconds * 1000)));
        }
        if (target != null) {
            b.target(target);
        }
        return b;
    }

    /** Settings as printed at start: {@code settings: space=... strategy=... study=NAME storage=...}. */
    public static String settingsLine(String name, SearchPlan plan, String store) {
        Map<String, Object> m = new LinkedHashMap<>(plan.toMap());
        m.put("study", name);
        m.put("storage", store);
        StringBuilder b = new StringBuilder("settings:");
        m.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
        return b.toString();
    }

    /** Prints the best trial and the study's counts. */
    public static void printOutcome(Io io, StudyResult r, SearchPlan plan, String store, double seconds) {
        if (r.best().isPresent()) {
            TrialRecord b = r.best().get();
            io.out().printf(Locale.ROOT, "best: %s  %s %.2f%% (trial %d)%n", b.architecture(), plan.objective(),
                    b.value(), b.number());
        } else {
            io.out().println("best: none (no trial completed)");
        }
        io.out().printf(Locale.ROOT, "study '%s' in %s: %d complete, %d failed; %d evaluated by this run in %.1fs "
                + "(stopped by %s)%n", r.study(), store, r.complete(), r.failed(), r.evaluated(), seconds,
                Nb201Runner.stopReason(r.stopReason()));
    }
}
