package dev.connectome.nas.study.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.IntermediateValue;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.nas.study.TrialStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TrialStore} must do. Subclasses supply a fresh, empty store per test; stores
 * that live in a database also supply a second instance on the same database (another process, as
 * far as the store can tell) and a way to reopen it.
 */
abstract class TrialStoreContract {

    static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");

    protected final MutableClock clock = new MutableClock(T0);
    protected TrialStore store;
    private final List<TrialStore> opened = new ArrayList<>();

    /** A fresh, empty store on {@link #clock}. */
    protected abstract TrialStore createStore() throws Exception;

    /** Another instance on the same data as {@link #store} (same clock), or null if the store has no shared data. */
    protected TrialStore openAnother() throws Exception {
        return null;
    }

    /** Releases what {@link #createStore} made (files, schemas), after all stores were closed. */
    protected void cleanUp() throws Exception {
    }

    @BeforeEach
    void setUpStore() throws Exception {
        store = createStore();
        opened.add(store);
    }

    @AfterEach
    void tearDownStore() throws Exception {
        for (TrialStore s : opened) {
            s.close();
        }
        cleanUp();
    }

    /** {@link #openAnother()}, skipping the test for stores without shared data. */
    protected final TrialStore another() throws Exception {
        TrialStore other = openAnother();
        assumeThat(other).as("store has no second instance").isNotNull();
        opened.add(other);
        return other;
    }

    static StudyInfo study(String name, Instant created) {
        return new StudyInfo(name, "nb201", "evolution", "nb201-table:cifar10", Direction.MAXIMIZE, 42L,
                "{\"budget\":100}", "{\"jvm\":\"17\"}", created);
    }

    private void studyWithTrials(String name, int n) {
        store.createStudy(study(name, T0));
        for (int i = 0; i < n; i++) {
            store.enqueue(name, i, "arch" + i, "key" + i);
        }
    }

    private TrialRecord trial(String study, int number) {
        return store.trials(study).stream().filter(t -> t.number() == number).findFirst().orElseThrow();
    }

    // ---- studies -------------------------------------------------------------------------------

    @Test
    void createdStudyIsFoundWithAllFields() {
        StudyInfo info = new StudyInfo("s1", "nb201", "random", "nb201-table:cifar10", Direction.MINIMIZE, -7L,
                "{\"a\":[1,2]}", "{\"commit\":\"abc\"}", T0.plusMillis(123));
        store.createStudy(info);

        assertThat(store.findStudy("s1")).contains(info);
        assertThat(store.findStudy("nope")).isEmpty();
    }

    @Test
    void studyNamesAreUnique() {
        store.createStudy(study("dup", T0));
        assertThatThrownBy(() -> store.createStudy(study("dup", T0.plusSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dup'");
    }

    @Test
    void studiesAreListedByCreationThenName() {
        store.createStudy(study("c", T0.plusSeconds(5)));
        store.createStudy(study("b", T0));
        store.createStudy(study("a", T0));

        assertThat(store.listStudies()).extracting(StudyInfo::name).containsExactly("a", "b", "c");
    }

    @Test
    void deletingAStudyRemovesItsTrialsValuesAndSnapshot() {
        studyWithTrials("gone", 3);
        store.claim("gone", "w");
        store.reportIntermediate("gone", 0, 1, 0.5);
        store.saveSnapshot("gone", 0, "{\"x\":1}");
        studyWithTrials("kept", 2);

        assertThat(store.deleteStudy("gone")).isTrue();
        assertThat(store.deleteStudy("gone")).isFalse();
        assertThat(store.findStudy("gone")).isEmpty();
        assertThatThrownBy(() -> store.trials("gone")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gone'");

        // Nothing of the old study survives under a new one of the same name.
        studyWithTrials("gone", 1);
        assertThat(store.trials("gone")).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TrialState.WAITING);
            assertThat(t.intermediate()).isEmpty();
        });
        assertThat(store.latestSnapshot("gone")).isEmpty();
        assertThat(store.trials("kept")).hasSize(2);
    }

    // ---- enqueue and claim ---------------------------------------------------------------------

    @Test
    void enqueuedTrialsWaitInNumberOrder() {
        store.createStudy(study("s", T0));
        TrialRecord r = store.enqueue("s", 1, "|nor_conv_3x3~0|", "k1");
        store.enqueue("s", 0, "|none~0|", "k0");

        assertThat(r).isEqualTo(TrialRecord.waiting("s", 1, "|nor_conv_3x3~0|", "k1"));
        assertThat(store.trials("s")).containsExactly(
                TrialRecord.waiting("s", 0, "|none~0|", "k0"), TrialRecord.waiting("s", 1, "|nor_conv_3x3~0|", "k1"));
    }

    @Test
    void trialNumbersAreUniquePerStudy() {
        studyWithTrials("s", 1);
        store.createStudy(study("t", T0));

        assertThatThrownBy(() -> store.enqueue("s", 0, "x", "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'s'").hasMessageContaining("0");
        store.enqueue("t", 0, "x", "y"); // the same number in another study is fine
        assertThat(trial("s", 0).architecture()).isEqualTo("arch0");
    }

    @Test
    void unknownStudiesAndTrialsAreNamed() {
        studyWithTrials("s", 1);
        assertThatThrownBy(() -> store.enqueue("missing", 0, "a", "k")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'missing'");
        assertThatThrownBy(() -> store.claim("missing", "w")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'missing'");
        assertThatThrownBy(() -> store.markStale("missing", Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.latestSnapshot("missing")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.saveSnapshot("missing", 0, "{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.heartbeat("s", 9, "w")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9");
        assertThatThrownBy(() -> store.complete("s", 9, Evaluation.complete(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9");
        assertThatThrownBy(() -> store.fail("s", 9, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.reportIntermediate("s", 9, 0, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void claimTakesTheLowestWaitingTrialAndMarksItRunning() {
        studyWithTrials("s", 3);
        clock.advance(Duration.ofSeconds(10));

        TrialRecord first = store.claim("s", "w1").orElseThrow();
        TrialRecord second = store.claim("s", "w2").orElseThrow();

        assertThat(first.number()).isZero();
        assertThat(second.number()).isEqualTo(1);
        assertThat(first.state()).isEqualTo(TrialState.RUNNING);
        assertThat(first.worker()).isEqualTo("w1");
        assertThat(first.architecture()).isEqualTo("arch0");
        assertThat(first.key()).isEqualTo("key0");
        assertThat(first.started()).isEqualTo(T0.plusSeconds(10));
        assertThat(first.heartbeat()).isEqualTo(T0.plusSeconds(10));
        assertThat(first.finished()).isNull();
        assertThat(trial("s", 0)).isEqualTo(first);
    }

    @Test
    void claimReturnsEmptyWhenNothingIsClaimable() {
        studyWithTrials("s", 1);
        store.claim("s", "w");
        assertThat(store.claim("s", "w")).isEmpty();
        store.complete("s", 0, Evaluation.complete(1.0));
        assertThat(store.claim("s", "w")).isEmpty();
        store.createStudy(study("empty", T0));
        assertThat(store.claim("empty", "w")).isEmpty();
    }

    @Test
    void claimsAreScopedToTheirStudy() {
        studyWithTrials("a", 1);
        studyWithTrials("b", 1);
        store.claim("a", "w");
        assertThat(store.claim("a", "w")).isEmpty();
        assertThat(store.claim("b", "w")).map(TrialRecord::study).contains("b");
    }

    // ---- heartbeat and stale trials -------------------------------------------------------------

    @Test
    void heartbeatRefreshesOnlyTheClaimingWorkersRunningTrial() {
        studyWithTrials("s", 2);
        store.claim("s", "w1");
        clock.advance(Duration.ofMillis(1500));

        assertThat(store.heartbeat("s", 0, "w1")).isTrue();
        assertThat(trial("s", 0).heartbeat()).isEqualTo(T0.plusMillis(1500));
        assertThat(trial("s", 0).started()).isEqualTo(T0);

        assertThat(store.heartbeat("s", 0, "intruder")).isFalse();
        assertThat(store.heartbeat("s", 1, "w1")).as("WAITING trial").isFalse();
        store.complete("s", 0, Evaluation.complete(0.5));
        assertThat(store.heartbeat("s", 0, "w1")).as("finished trial").isFalse();
    }

    @Test
    void trialsWithoutHeartbeatBecomeStaleAndAreClaimedAgain() {
        studyWithTrials("s", 3);
        store.claim("s", "dead");     // trial 0, never beats again
        store.claim("s", "alive");    // trial 1
        clock.advance(Duration.ofSeconds(30));
        store.heartbeat("s", 1, "alive");
        clock.advance(Duration.ofSeconds(31));

        assertThat(store.markStale("s", Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(store.markStale("s", Duration.ofSeconds(60))).isZero();
        assertThat(trial("s", 0).state()).isEqualTo(TrialState.STALE);
        assertThat(trial("s", 1).state()).isEqualTo(TrialState.RUNNING);

        // The stale trial comes before the higher-numbered waiting one; the dead worker has lost it.
        TrialRecord again = store.claim("s", "rescuer").orElseThrow();
        assertThat(again.number()).isZero();
        assertThat(again.state()).isEqualTo(TrialState.RUNNING);
        assertThat(again.worker()).isEqualTo("rescuer");
        assertThat(again.started()).isEqualTo(T0.plusSeconds(61));
        assertThat(store.heartbeat("s", 0, "dead")).isFalse();
        assertThat(store.claim("s", "rescuer")).map(TrialRecord::number).contains(2);
    }

    @Test
    void staleMeansStrictlyOlderThanMaxAge() {
        studyWithTrials("s", 1);
        store.claim("s", "w");
        clock.advance(Duration.ofSeconds(60));
        assertThat(store.markStale("s", Duration.ofSeconds(60))).isZero();
        clock.advance(Duration.ofMillis(1));
        assertThat(store.markStale("s", Duration.ofSeconds(60))).isEqualTo(1);
    }

    // ---- finishing -----------------------------------------------------------------------------

    @Test
    void completeStoresValueMetricsCostAndFinishTime() {
        studyWithTrials("s", 1);
        store.claim("s", "w");
        clock.advance(Duration.ofSeconds(3));

        assertThat(store.complete("s", 0, Evaluation.complete(93.76, Map.of("valid", 91.5, "cifar100", 70.25), 12.5))).isTrue();

        TrialRecord t = trial("s", 0);
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.value()).isEqualTo(93.76);
        assertThat(t.metrics()).containsExactly(Map.entry("cifar100", 70.25), Map.entry("valid", 91.5));
        assertThat(t.costSeconds()).isEqualTo(12.5);
        assertThat(t.failure()).isNull();
        assertThat(t.worker()).isEqualTo("w");
        assertThat(t.started()).isEqualTo(T0);
        assertThat(t.finished()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void theFirstFinishWins() {
        studyWithTrials("s", 2);
        store.claim("s", "w");
        assertThat(store.complete("s", 0, Evaluation.complete(1.0))).isTrue();
        TrialRecord done = trial("s", 0);

        assertThat(store.complete("s", 0, Evaluation.complete(2.0))).isFalse();
        assertThat(store.fail("s", 0, "late")).isFalse();
        assertThat(trial("s", 0)).isEqualTo(done);

        store.claim("s", "w");
        assertThat(store.fail("s", 1, "boom")).isTrue();
        assertThat(store.complete("s", 1, Evaluation.complete(3.0))).isFalse();
        assertThat(trial("s", 1).state()).isEqualTo(TrialState.FAILED);
    }

    @Test
    void failuresKeepTheirReasonAndNoValue() {
        studyWithTrials("s", 2);
        store.claim("s", "w");
        store.claim("s", "w");

        store.fail("s", 0, "java.lang.IllegalStateException: exploded");
        store.complete("s", 1, Evaluation.complete(Double.NaN, Map.of(), 0.25)); // NaN objective: FAILED

        TrialRecord thrown = trial("s", 0);
        assertThat(thrown.state()).isEqualTo(TrialState.FAILED);
        assertThat(thrown.failure()).isEqualTo("java.lang.IllegalStateException: exploded");
        assertThat(thrown.value()).isNaN();
        assertThat(thrown.finished()).isEqualTo(T0);
        TrialRecord nan = trial("s", 1);
        assertThat(nan.state()).isEqualTo(TrialState.FAILED);
        assertThat(nan.failure()).contains("NaN");
        assertThat(nan.costSeconds()).isEqualTo(0.25);
    }

    @Test
    void nonFiniteMetricsRoundTrip() {
        studyWithTrials("s", 1);
        store.claim("s", "w");
        store.complete("s", 0, Evaluation.complete(1.0, Map.of("nan", Double.NaN, "inf", Double.POSITIVE_INFINITY,
                "tiny", Double.MIN_VALUE, "neg", -0.1), 0.0));

        assertThat(trial("s", 0).metrics()).containsOnlyKeys("nan", "inf", "tiny", "neg")
                .containsEntry("inf", Double.POSITIVE_INFINITY).containsEntry("tiny", Double.MIN_VALUE)
                .containsEntry("neg", -0.1);
        assertThat(trial("s", 0).metrics().get("nan")).isNaN();
    }

    // ---- intermediate values -------------------------------------------------------------------

    @Test
    void intermediateValuesAreKeptInStepOrderAndOverwritten() {
        studyWithTrials("s", 2);
        store.claim("s", "w");
        store.reportIntermediate("s", 0, 2, 0.3);
        store.reportIntermediate("s", 0, 0, 0.1);
        store.reportIntermediate("s", 0, 1, 0.2);
        store.reportIntermediate("s", 0, 1, 0.25);
        store.reportIntermediate("s", 0, 3, Double.NaN);

        List<IntermediateValue> values = trial("s", 0).intermediate();
        assertThat(values).extracting(IntermediateValue::step).containsExactly(0, 1, 2, 3);
        assertThat(values.subList(0, 3)).extracting(IntermediateValue::value).containsExactly(0.1, 0.25, 0.3);
        assertThat(values.get(3).value()).isNaN();
        assertThat(trial("s", 1).intermediate()).isEmpty();
    }

    @Test
    void aReclaimedTrialShowsItsEarlierIntermediateValues() {
        studyWithTrials("s", 1);
        store.claim("s", "dead");
        store.reportIntermediate("s", 0, 0, 0.5);
        clock.advance(Duration.ofMinutes(5));
        store.markStale("s", Duration.ofMinutes(1));

        assertThat(store.claim("s", "w").orElseThrow().intermediate()).containsExactly(new IntermediateValue(0, 0.5));
    }

    // ---- snapshots -----------------------------------------------------------------------------

    @Test
    void theNewestSnapshotIsKept() {
        store.createStudy(study("s", T0));
        assertThat(store.latestSnapshot("s")).isEmpty();

        store.saveSnapshot("s", 4, "{\"population\":[1,2,3]}");
        store.saveSnapshot("s", 9, "{\"population\":[4,5,6],\"text\":\"ünïcode ✓\"}");
        store.saveSnapshot("s", 7, "{\"late\":true}");
        assertThat(store.latestSnapshot("s")).contains(
                new TrialStore.Snapshot(9, "{\"population\":[4,5,6],\"text\":\"ünïcode ✓\"}"));

        store.saveSnapshot("s", 9, "{\"again\":true}");
        assertThat(store.latestSnapshot("s")).contains(new TrialStore.Snapshot(9, "{\"again\":true}"));
    }

    @Test
    void largeSnapshotsRoundTrip() {
        store.createStudy(study("s", T0));
        StringBuilder json = new StringBuilder("{\"history\":[");
        for (int i = 0; i < 50_000; i++) {
            json.append(i == 0 ? "" : ",").append('"').append("|nor_conv_3x3~0|+|skip_connect~0|").append(i).append('"');
        }
        json.append("]}");
        store.saveSnapshot("s", 49_999, json.toString());
        assertThat(store.latestSnapshot("s").orElseThrow().json()).isEqualTo(json.toString());
    }

    // ---- concurrency ---------------------------------------------------------------------------

    @Test
    void concurrentClaimersOnOneStoreGetEveryTrialExactlyOnce() throws Exception {
        claimEveryTrialConcurrently(List.of(store, store, store, store), 200);
    }

    @Test
    void twoInstancesOnOneDatabaseNeverClaimTheSameTrial() throws Exception {
        TrialStore other = another();
        claimEveryTrialConcurrently(List.of(store, other, store, other), 200);
    }

    @Test
    void aSecondInstanceSeesWhatTheFirstWrote() throws Exception {
        TrialStore other = another();
        studyWithTrials("shared", 2);
        store.claim("shared", "w");
        store.complete("shared", 0, Evaluation.complete(0.9));

        assertThat(other.findStudy("shared")).isEqualTo(store.findStudy("shared"));
        assertThat(other.trials("shared")).isEqualTo(store.trials("shared"));
        assertThat(other.claim("shared", "w2")).map(TrialRecord::number).contains(1);
        assertThatThrownBy(() -> other.createStudy(study("shared", T0))).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Claimers on the given store handles race through {@code n} trials, completing each claim. Every
     * trial must be claimed exactly once, and all end COMPLETE with the claimer's value.
     */
    private void claimEveryTrialConcurrently(List<TrialStore> handles, int n) throws Exception {
        studyWithTrials("race", n);
        Set<Integer> claimed = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(handles.size());
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int w = 0; w < handles.size(); w++) {
                TrialStore s = handles.get(w);
                String worker = "worker-" + w;
                futures.add(pool.submit(() -> {
                    start.await();
                    int mine = 0;
                    for (Optional<TrialRecord> t = s.claim("race", worker); t.isPresent(); t = s.claim("race", worker)) {
                        int number = t.get().number();
                        if (!claimed.add(number)) {
                            duplicates.incrementAndGet();
                        }
                        order.add(number);
                        assertThat(s.complete("race", number, Evaluation.complete(number))).isTrue();
                        mine++;
                    }
                    return mine;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get(2, TimeUnit.MINUTES);
            }
            assertThat(duplicates.get()).isZero();
            assertThat(total).isEqualTo(n);
            assertThat(claimed).hasSize(n);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.trials("race")).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.value()).isEqualTo(t.number());
        });
    }
}
