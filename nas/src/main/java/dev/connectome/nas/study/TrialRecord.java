package dev.connectome.nas.study;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Frozen snapshot of one stored trial (the live handle is the evaluator's {@code TrialContext}).
 *
 * @param study        study name
 * @param number       trial number, 0-based, dense in ask order
 * @param state        life-cycle state
 * @param architecture the candidate as its space formats it
 * @param key          the space's canonical key of the candidate
 * @param value        objective; NaN unless COMPLETE
 * @param metrics      extra numbers, sorted by name (empty unless finished)
 * @param costSeconds  evaluation cost; NaN unless finished
 * @param failure      reason when FAILED, else null
 * @param worker       id of the worker that claimed it last, or null
 * @param started      when it was claimed last, or null
 * @param heartbeat    the claiming worker's last heartbeat, or null
 * @param finished     when it finished, or null
 * @param intermediate intermediate values in step order
 */
public record TrialRecord(String study, int number, TrialState state, String architecture, String key,
                          double value, Map<String, Double> metrics, double costSeconds, String failure,
                          String worker, Instant started, Instant heartbeat, Instant finished,
                          List<IntermediateValue> intermediate) {

    public TrialRecord {
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(key, "key");
        if (number < 0) {
            throw new IllegalArgumentException("trial number must be >= 0, got " + number);
        }
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(metrics));
        intermediate = intermediate == null ? List.of() : List.copyOf(intermediate);
    }

    /** A freshly enqueued trial. */
    public static TrialRecord waiting(String study, int number, String architecture, String key) {
        return new TrialRecord(study, number, TrialState.WAITING, architecture, key, Double.NaN, Map.of(),
                Double.NaN, null, null, null, null, null, List.of());
    }

    /** True when COMPLETE (and so has a finite value). */
    public boolean isComplete() {
        return state == TrialState.COMPLETE;
    }
}
