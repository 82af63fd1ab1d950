package dev.connectome.nas.study;

import java.time.Instant;
import java.util.Objects;

/**
 * What a store keeps about a study itself.
 *
 * @param name           unique study name
 * @param space          search space id (e.g. "nb201")
 * @param strategy       strategy id (e.g. "random", "evolution")
 * @param evaluator      evaluator id (e.g. "nb201-table:cifar10")
 * @param direction      whether the objective is maximised or minimised
 * @param seed           study seed; trial generators derive from it ({@link Seeds})
 * @param settingsJson   resolved settings as JSON (enough to rebuild the study)
 * @param provenanceJson {@link Provenance} as JSON
 * @param created        creation time
 */
public record StudyInfo(String name, String space, String strategy, String evaluator, Direction direction,
                        long seed, String settingsJson, String provenanceJson, Instant created) {

    public StudyInfo {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("study name must not be blank");
        }
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(evaluator, "evaluator");
        Objects.requireNonNull(direction, "direction");
        settingsJson = settingsJson == null ? "{}" : settingsJson;
        provenanceJson = provenanceJson == null ? "{}" : provenanceJson;
        Objects.requireNonNull(created, "created");
    }
}
