package dev.connectome.nas.evaluate;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Frozen outcome of evaluating one candidate.
 *
 * @param status      COMPLETE or FAILED
 * @param value       the objective (maximised or minimised per the study's direction); NaN when FAILED
 * @param metrics     extra named numbers (e.g. other datasets' accuracies), sorted by name, unmodifiable
 * @param costSeconds what the evaluation cost (wall time, or a simulated cost for table lookups)
 * @param failure     why it failed; null when COMPLETE
 */
public record Evaluation(Status status, double value, Map<String, Double> metrics, double costSeconds, String failure) {

    /** Outcome of one evaluation. */
    public enum Status { COMPLETE, FAILED }

    public Evaluation {
        Objects.requireNonNull(status, "status");
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        if (status == Status.COMPLETE) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a COMPLETE evaluation needs a finite value, got " + value);
            }
            if (failure != null) {
                throw new IllegalArgumentException("a COMPLETE evaluation has no failure reason");
            }
        } else {
            Objects.requireNonNull(failure, "failure reason");
            value = Double.NaN;
        }
    }

    /** A finished evaluation; a NaN or infinite objective yields a FAILED evaluation saying so. */
    public static Evaluation complete(double value, Map<String, Double> metrics, double costSeconds) {
        if (!Double.isFinite(value)) {
            return new Evaluation(Status.FAILED, Double.NaN, metrics, costSeconds, "objective is " + value);
        }
        return new Evaluation(Status.COMPLETE, value, metrics, costSeconds, null);
    }

    /** A finished evaluation with no extra metrics and zero cost. */
    public static Evaluation complete(double value) {
        return complete(value, Map.of(), 0.0);
    }

    /** A failed evaluation with its reason. */
    public static Evaluation failed(String reason, double costSeconds) {
        return new Evaluation(Status.FAILED, Double.NaN, Map.of(), costSeconds, reason == null ? "unknown failure" : reason);
    }

    /** A failed evaluation with its reason and zero cost. */
    public static Evaluation failed(String reason) {
        return failed(reason, 0.0);
    }

    /** True when status is COMPLETE. */
    public boolean isComplete() {
        return status == Status.COMPLETE;
    }
}
