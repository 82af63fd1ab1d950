package dev.connectome.cli.study;

import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.cell.Nb201Search;
import dev.connectome.nas.cell.Nb201SearchSettings;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.TrialStore;
import java.util.regex.Pattern;

/**
 * Runs NAS-Bench-201 table studies for the commands (search, resume, rerun, work) and the demo:
 * builds the study from typed settings, shows per-trial progress, and prints the outcome.
 */
public final class Nb201Runner {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Nb201Runner() {
    }

    /** The default study name: every setting that changes the result, so one command maps to one study. */
    public static String defaultName(Nb201SearchSettings s) {
        StringBuilder b = new StringBuilder("nb201-").append(s.strategy());
        if (s.strategy().equals("evolution")) {
            b.append("-p").append(s.populationSize()).append("s").append(s.sampleSize());
        }
        b.append('-').append(s.dataset().id());
        return b.append(budgetSuffix(s.trials(), s.batchSize(), s.maxSeconds(), s.target(), s.seed())).toString();
    }

    /**
     * The end of every default study name: the budget (trials, ask batch, time, target) and the seed,
     * so that searches differing in any of them never share a study.
     */
    static String budgetSuffix(int trials, int batchSize, Double maxSeconds, Double target, long seed) {
        StringBuilder b = new StringBuilder();
        if (trials > 0) {
            b.append("-n").append(trials);
        }
        if (batchSize != 1) {
            b.append("-b").append(batchSize);
        }
        if (maxSeconds != null) {
            b.append("-t").append(number(maxSeconds));
        }
        if (target != null) {
            b.append("-target").append(number(target));
        }
        return b.append("-seed").append(seed).toString();
    }

    /** A setting as it appears in a study name: integers without ".0". */
    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** Checks a user-given study name: letters, digits, '.', '_', '-' (it also names the report file). */
    public static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new UserException("bad study name '" + name + "': use 1-100 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit");
        }
        return name;
    }

    /** The NB201 settings a stored study was created with, or a user error when it is not an NB201 study. */
    public static Nb201SearchSettings settingsOf(StudyInfo info) {
        try {
            return Nb201Search.settingsOf(info);
        } catch (IllegalArgumentException e) {
            throw new UserException("study '" + info.name() + "' cannot be run by this version: " + e.getMessage(), e);
        }
    }

    /**
     * Runs (or resumes) study {@code name} to its budget with a progress line per trial.
     *
     * @param tuning heartbeat settings, or null for the defaults
     */
    public static StudyResult run(Io io, TrialStore store, String name, Nb201SearchSettings s, StudyTuning tuning) {
        return PlanRunner.run(io, store, name, new SearchPlan.Nb201Plan(s), tuning);
    }

    /** Prints the best trial and the study's counts. */
    public static void printOutcome(Io io, StudyResult r, Nb201SearchSettings s, String store, double seconds) {
        PlanRunner.printOutcome(io, r, new SearchPlan.Nb201Plan(s), store, seconds);
    }

    /** What the study loop's stop reason means to a user. */
    static String stopReason(String reason) {
        return switch (reason) {
            case "trials" -> "the trial budget";
            case "time" -> "the time budget";
            case "target" -> "reaching the target";
            case "idle" -> "having nothing left to claim";
            default -> reason;
        };
    }

    /** Settings as printed at start: {@code settings: strategy=evolution dataset=cifar10 ...}. */
    public static String settingsLine(String name, Nb201SearchSettings s, String store) {
        return PlanRunner.settingsLine(name, new SearchPlan.Nb201Plan(s), store);
    }

    /** True when two settings make the same search (workers only changes how fast it runs). */
    static boolean sameSearch(Nb201SearchSettings a, Nb201SearchSettings b) {
        return a.withWorkers(1, a.batchSize()).equals(b.withWorkers(1, b.batchSize()));
    }
}
