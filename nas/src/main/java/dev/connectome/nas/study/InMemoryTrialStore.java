package dev.connectome.nas.study;

import dev.connectome.nas.evaluate.Evaluation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link TrialStore} held in memory: for tests, benchmarks and one-off searches that need no
 * persistence. Thread-safe by one monitor, which is plenty for in-process workers.
 */
public final class InMemoryTrialStore implements TrialStore {

    private final Clock clock;
    private final Map<String, StudyData> studies = new LinkedHashMap<>();

    private static final class StudyData {
        final StudyInfo info;
        final TreeMap<Integer, TrialRecord> trials = new TreeMap<>();
        /** Numbers of the WAITING/STALE trials, so a claim does not walk every finished trial. */
        final java.util.TreeSet<Integer> claimable = new java.util.TreeSet<>();

        void put(TrialRecord r) {
            trials.put(r.number(), r);
            if (r.state() == TrialState.WAITING || r.state() == TrialState.STALE) {
                claimable.add(r.number());
            } else {
                claimable.remove(r.number());
            }
        }
        final TreeMap<Integer, TreeMap<Integer, Double>> intermediate = new TreeMap<>();
        Snapshot snapshot;

        StudyData(StudyInfo info) {
            this.info = info;
        }
    }

    /** A store on the system clock. */
    public InMemoryTrialStore() {
        this(Clock.systemUTC());
    }

    /** A store on the given clock (tests use a fixed or stepping clock for heartbeats). */
    public InMemoryTrialStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void createStudy(StudyInfo info) {
        if (studies.containsKey(info.name())) {
            throw new IllegalArgumentException("study '" + info.name() + "' already exists");
        }
        studies.put(info.name(), new StudyData(info));
    }

    @Override
    public synchronized Optional<StudyInfo> findStudy(String name) {
        StudyData d = studies.get(name);
        return d == null ? Optional.empty() : Optional.of(d.info);
    }

    @Override
    public synchronized List<StudyInfo> listStudies() {
        List<StudyInfo> list = new ArrayList<>();
        for (StudyData d : studies.values()) {
            list.add(d.info);
        }
        list.sort(Comparator.comparing(StudyInfo::created).thenComparing(StudyInfo::name));
        return list;
    }

    @Override
    public synchronized boolean deleteStudy(String name) {
        return studies.remove(name) != null;
    }

    @Override
    public synchronized TrialRecord enqueue(String study, int number, String architecture, String key) {
        StudyData d = data(study);
        if (d.trials.containsKey(number)) {
            throw new IllegalArgumentException("study '" + study + "' already has trial " + number);
        }
        TrialRecord r = TrialRecord.waiting(study, number, architecture, key);
        d.put(r);
        return r;
    }

    @Override
    public synchronized Optional<TrialRecord> claim(String study, String worker) {
        StudyData d = data(study);
        if (d.claimable.isEmpty()) {
            return Optional.empty();
        }
        TrialRecord r = d.trials.get(d.claimable.first());
        Instant now = clock.instant();
        TrialRecord claimed = new TrialRecord(study, r.number(), TrialState.RUNNING, r.architecture(), r.key(),
                Double.NaN, Map.of(), Double.NaN, null, worker, now, now, null, List.of());
        d.put(claimed);
        return Optional.of(withIntermediate(d, claimed));
    }

    @Override
    public synchronized boolean heartbeat(String study, int number, String worker) {
        StudyData d = data(study);
        TrialRecord r = trial(d, number);
        if (r.state() != TrialState.RUNNING || !worker.equals(r.worker())) {
            return false;
        }
        d.put(new TrialRecord(study, number, r.state(), r.architecture(), r.key(), r.value(), r.metrics(),
                r.costSeconds(), r.failure(), r.worker(), r.started(), clock.instant(), null, List.of()));
        return true;
    }

    @Override
    public synchronized boolean complete(String study, int number, Evaluation evaluation) {
        StudyData d = data(study);
        TrialRecord r = trial(d, number);
        if (r.state().isFinished()) {
            return false;
        }
        TrialState state = evaluation.isComplete() ? TrialState.COMPLETE : TrialState.FAILED;
        d.put(new TrialRecord(study, number, state, r.architecture(), r.key(), evaluation.value(),
                evaluation.metrics(), evaluation.costSeconds(), evaluation.failure(), r.worker(), r.started(),
                r.heartbeat(), clock.instant(), List.of()));
        return true;
    }

    @Override
    public synchronized boolean fail(String study, int number, String reason) {
        return complete(study, number, Evaluation.failed(reason, Double.NaN));
    }

    @Override
    public synchronized int markStale(String study, Duration maxAge) {
        StudyData d = data(study);
        Instant limit = clock.instant().minus(maxAge);
        int count = 0;
        for (TrialRecord r : List.copyOf(d.trials.values())) {
            if (r.state() == TrialState.RUNNING && r.heartbeat().isBefore(limit)) {
                d.put(new TrialRecord(study, r.number(), TrialState.STALE, r.architecture(), r.key(),
                        Double.NaN, Map.of(), Double.NaN, null, r.worker(), r.started(), r.heartbeat(), null, List.of()));
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized void reportIntermediate(String study, int number, int step, double value) {
        StudyData d = data(study);
        trial(d, number);
        d.intermediate.computeIfAbsent(number, n -> new TreeMap<>()).put(step, value);
    }

    @Override
    public synchronized List<TrialRecord> trials(String study) {
        StudyData d = data(study);
        List<TrialRecord> list = new ArrayList<>(d.trials.size());
        for (TrialRecord r : d.trials.values()) {
            list.add(withIntermediate(d, r));
        }
        return list;
    }

    @Override
    public synchronized void saveSnapshot(String study, int throughTrial, String json) {
        StudyData d = data(study);
        if (d.snapshot == null || throughTrial >= d.snapshot.throughTrial()) {
            d.snapshot = new Snapshot(throughTrial, json);
        }
    }

    @Override
    public synchronized Optional<Snapshot> latestSnapshot(String study) {
        return Optional.ofNullable(data(study).snapshot);
    }

    @Override
    public void close() {
        // nothing to release
    }

    private StudyData data(String study) {
        StudyData d = studies.get(study);
        if (d == null) {
            throw new IllegalArgumentException("no study named '" + study + "'");
        }
        return d;
    }

    private static TrialRecord trial(StudyData d, int number) {
        TrialRecord r = d.trials.get(number);
        if (r == null) {
            throw new IllegalArgumentException("study '" + d.info.name() + "' has no trial " + number);
        }
        return r;
    }

    private static TrialRecord withIntermediate(StudyData d, TrialRecord r) {
        TreeMap<Integer, Double> values = d.intermediate.get(r.number());
        if (values == null || values.isEmpty()) {
            return r;
        }
        List<IntermediateValue> list = new ArrayList<>(values.size());
        values.forEach((step, v) -> list.add(new IntermediateValue(step, v)));
        return new TrialRecord(r.study(), r.number(), r.state(), r.architecture(), r.key(), r.value(), r.metrics(),
                r.costSeconds(), r.failure(), r.worker(), r.started(), r.heartbeat(), r.finished(), list);
    }
}
