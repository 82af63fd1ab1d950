package dev.connectome.report.study;

import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.TrialRecord;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Ranking helpers shared by the study sections. */
final class Trials {

    private Trials() {
    }

    /** Complete trials with a finite value, best first (ties: lower trial number first). */
    static List<TrialRecord> ranked(List<TrialRecord> trials, Direction direction) {
        Comparator<TrialRecord> byValue = Comparator.comparingDouble(TrialRecord::value);
        if (direction == Direction.MAXIMIZE) {
            byValue = byValue.reversed();
        }
        return trials.stream()
                .filter(t -> t.isComplete() && Double.isFinite(t.value()))
                .sorted(byValue.thenComparingInt(TrialRecord::number))
                .toList();
    }

    /** The study's best trial, by the same rule the study itself uses (so report and CLI agree). */
    static Optional<TrialRecord> best(List<TrialRecord> trials, Direction direction) {
        return Study.best(byNumber(trials), direction);
    }

    /** Trials sorted by number (stores return them so, but sections must not rely on callers). */
    static List<TrialRecord> byNumber(List<TrialRecord> trials) {
        return trials.stream().sorted(Comparator.comparingInt(TrialRecord::number)).toList();
    }
}
