package dev.connectome.report.score;

import dev.connectome.nas.analysis.Interval;
import java.util.Objects;

/**
 * One row of a score-vs-accuracy study: a zero-cost score over a set of cells with their accuracies.
 *
 * @param score    score id, e.g. "naswot"
 * @param values   score per cell (finite values only)
 * @param accuracy accuracy per cell, same order
 * @param tau      Kendall τ with its bootstrap interval
 * @param spearman Spearman ρ
 * @param pearson  Pearson r
 */
public record ScoreCorrelation(String score, double[] values, double[] accuracy, Interval tau, double spearman,
        double pearson) {
    public ScoreCorrelation {
        Objects.requireNonNull(score, "score");
        if (values.length != accuracy.length) {
            throw new IllegalArgumentException(score + ": " + values.length + " scores but " + accuracy.length
                    + " accuracies");
        }
    }
}
