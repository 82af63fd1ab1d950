package dev.connectome.report.study;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Synthetic NB201 studies: random cells with made-up accuracies, a few failures and unfinished trials. */
final class StudyFixtures {

    private StudyFixtures() {
    }

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    static StudyInfo info(String name, Direction direction) {
        return new StudyInfo(name, "nb201", "evolution", "nb201-table:cifar10", direction, 7,
                "{\"budget\":100,\"strategy\":{\"population\":20,\"sample\":5},\"workers\":2,\"note\":\"<b>&amp;</b>\"}",
                "{\"code\":{\"commit\":\"abc123\",\"dirty\":false},\"jvm\":{\"version\":\"17.0.9\"},"
                        + "\"datasets\":[{\"name\":\"nb201\",\"sha256\":\"deadbeef\"}],\"cores\":2,\"tags\":[]}",
                T0);
    }

    /** {@code n} trials; every 17th fails, the last two are RUNNING and WAITING. */
    static List<TrialRecord> trials(String study, int n, long seed) {
        RandomGenerator rng = new SplittableRandom(seed);
        List<TrialRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Nb201Cell cell = Nb201Cell.ofCode(rng.nextInt(15625));
            String arch = cell.format();
            Instant start = T0.plusSeconds(i);
            if (i == n - 1 && n > 3) {
                out.add(TrialRecord.waiting(study, i, arch, cell.uniqueString()));
            } else if (i == n - 2 && n > 3) {
                out.add(new TrialRecord(study, i, TrialState.RUNNING, arch, cell.uniqueString(), Double.NaN, Map.of(),
                        Double.NaN, null, "w1", start, start, null, List.of()));
            } else if (i % 17 == 16) {
                out.add(new TrialRecord(study, i, TrialState.FAILED, arch, cell.uniqueString(), Double.NaN, Map.of(),
                        0.01, i % 2 == 0 ? "objective is NaN" : "IllegalStateException: <boom> & co", "w1", start, start,
                        start.plusMillis(10), List.of()));
            } else {
                double acc = 70 + 24 * rng.nextDouble();
                out.add(new TrialRecord(study, i, TrialState.COMPLETE, arch, cell.uniqueString(), acc,
                        Map.of("valid_accuracy", acc - 3, "params_m", 0.1 + rng.nextDouble()), 0.002, null, "w1",
                        start, start, start.plusMillis(2), List.of()));
            }
        }
        return out;
    }
}
