package dev.connectome.nas.study;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.search.Strategy;
import dev.connectome.nas.space.SearchSpace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ask/tell loop over a {@link TrialStore}, built once by {@link #builder} and then run.
 *
 * <p>{@link #run()} works in batches of {@code batchSize} consecutive trial numbers: ask every trial of
 * the batch that the store lacks (trial n with {@link Seeds#trial}), let the executor evaluate whatever
 * can be claimed until the whole batch is finished, then tell the batch to the strategy in trial order
 * and save a strategy snapshot. Asks depend only on told results and the trial's generator, so a study
 * that is killed and run again (same settings) restores the last snapshot, replays stored results,
 * re-queues trials whose heartbeat stopped, never re-evaluates a finished trial, and ends exactly like
 * an uninterrupted run with the same trial budget.
 *
 * <p>{@link #work()} only claims and evaluates trials another process asked: start one {@code run()}
 * and any number of {@code work()} processes on a shared store.
 */
public final class Study<A> {

    private static final Logger LOG = LoggerFactory.getLogger(Study.class);

    private final String name;
    private final SearchSpace<A> space;
    private final Strategy<A> strategy;
    private final Evaluator<A> evaluator;
    private final TrialStore store;
    private final TrialExecutor executor;
    private final Direction direction;
    private final long seed;
    private final Integer maxTrials;
    private final Duration maxTime;
    private final Double target;
    private final int batchSize;
    private final String worker;
    private final Duration heartbeatInterval;
    private final Duration staleAfter;
    private final Duration idleTimeout;
    private final Map<String, Object> settings;
    private final StudyListener listener;
    private final int snapshotEvery;

    Study(StudyBuilder<A> b) {
        this.name = b.name;
        this.space = b.space;
        this.strategy = b.strategy;
        this.evaluator = b.evaluator;
        this.store = b.store;
        this.executor = b.executor == null ? ThreadExecutor.of(1) : b.executor;
        this.direction = b.direction;
        this.seed = b.seed;
        this.maxTrials = b.maxTrials;
        this.maxTime = b.maxTime;
        this.target = b.target;
        this.batchSize = b.batchSize > 0 ? b.batchSize : executor.slots();
        this.worker = b.worker != null ? b.worker : defaultWorkerId();
        this.heartbeatInterval = b.heartbeatInterval;
        this.staleAfter = b.staleAfter;
        this.idleTimeout = b.idleTimeout;
        this.settings = Map.copyOf(b.settings);
        this.listener = b.listener;
        this.snapshotEvery = b.snapshotEvery;
    }

    /** A builder; space, strategy, evaluator, store and name are required. */
    public static <A> StudyBuilder<A> builder(SearchSpace<A> space, Strategy<A> strategy, Evaluator<A> evaluator, TrialStore store) {
        return new StudyBuilder<>(space, strategy, evaluator, store);
    }

    public String name() {
        return name;
    }

    public String worker() {
        return worker;
    }

    /** The study's stored description (created on the first run/work call). */
    public StudyInfo info() {
        return new StudyInfo(name, space.id(), strategy.id(), evaluator.id(), direction, seed,
                Settings.toJson(resolvedSettings()), provenance().toJson(), java.time.Instant.now());
    }

    /** Settings as stored: the caller's settings plus this study's own. */
    public Map<String, Object> resolvedSettings() {
        Map<String, Object> all = new java.util.TreeMap<>(settings);
        all.put("space", space.id());
        all.put("strategy", strategy.id());
        all.put("evaluator", evaluator.id());
        all.put("direction", direction.name().toLowerCase(java.util.Locale.ROOT));
        all.put("seed", seed);
        all.put("batchSize", batchSize);
        if (maxTrials != null) {
            all.put("trials", maxTrials);
        }
        if (maxTime != null) {
            all.put("maxSeconds", maxTime.toMillis() / 1000.0);
        }
        if (target != null) {
            all.put("target", target);
        }
        return all;
    }

    private Provenance provenance() {
        return Provenance.collect(resolvedSettings(), seed, evaluator.datasetSha256().orElse(null));
    }

    /**
     * Runs (or resumes) the study until its trial budget is used, its time budget is over, or the best
     * value reaches the target. Returns the result over the whole stored study.
     */
    public StudyResult run() {
        ensureStudy();
        long start = System.nanoTime();
        int next = 0;
        Optional<TrialStore.Snapshot> snapshot = store.latestSnapshot(name);
        if (snapshot.isPresent()) {
            strategy.restore(snapshot.get().json());
            next = snapshot.get().throughTrial() + 1;
            LOG.info("study {}: resuming after trial {}", name, snapshot.get().throughTrial());
        }
        List<TrialRecord> storedAtStart = store.trials(name);
        int told = next;
        Optional<TrialRecord> best = best(storedAtStart.stream().filter(r -> r.number() < told).toList());
        // Past this number the store holds nothing this process did not write itself (only one process asks).
        int storedMax = storedAtStart.stream().mapToInt(TrialRecord::number).max().orElse(-1);
        int evaluated = 0;
        int batchesSinceSnapshot = 0;
        String stop;
        try (Heartbeat heartbeat = new Heartbeat()) {
            while (true) {
                if (maxTrials != null && next >= maxTrials) {
                    stop = "trials";
                    break;
                }
                if (maxTime != null && System.nanoTime() - start >= maxTime.toNanos()) {
                    stop = "time";
                    break;
                }
                if (target != null && best.isPresent() && !direction.better(target, best.get().value())) {
                    stop = "target";
                    break;
                }
                int end = maxTrials == null ? next + batchSize : Math.min(next + batchSize, maxTrials);
                Map<Integer, A> batch = new java.util.LinkedHashMap<>();
                Map<Integer, Evaluation> finished = new HashMap<>();
                if (next <= storedMax) {
                    Map<Integer, TrialRecord> stored = byNumber(store.trials(name));
                    for (int n = next; n < end; n++) {
                        TrialRecord r = stored.get(n);
                        if (r != null) {
                            batch.put(n, space.parse(r.architecture()));
                            if (r.state().isFinished()) {
                                finished.put(n, evaluationOf(r));
                            }
                        }
                    }
                }
                for (int n = next; n < end; n++) {
                    if (!batch.containsKey(n)) {
                        A a = strategy.ask(Seeds.trial(seed, n));
                        store.enqueue(name, n, space.format(a), space.key(a));
                        batch.put(n, a);
                    }
                }
                evaluated += evaluateUntilFinished(batch.keySet(), finished, heartbeat);
                for (Map.Entry<Integer, A> t : batch.entrySet()) {
                    Evaluation e = finished.get(t.getKey());
                    strategy.tell(t.getValue(), e);
                    TrialRecord r = told(t.getKey(), t.getValue(), e);
                    if (r.isComplete() && (best.isEmpty() || direction.better(r.value(), best.get().value()))) {
                        best = Optional.of(r);
                    }
                    listener.trialTold(r, best);
                }
                if (++batchesSinceSnapshot >= snapshotEvery || (maxTrials != null && end >= maxTrials)) {
                    store.saveSnapshot(name, end - 1, strategy.snapshot());
                    batchesSinceSnapshot = 0;
                }
                next = end;
            }
        }
        return result(evaluated, stop);
    }

    /** The record of a told trial as this process knows it (no timestamps; the store has those). */
    private TrialRecord told(int number, A architecture, Evaluation e) {
        TrialState state = e.isComplete() ? TrialState.COMPLETE : TrialState.FAILED;
        return new TrialRecord(name, number, state, space.format(architecture), space.key(architecture), e.value(),
                e.metrics(), e.costSeconds(), e.failure(), null, null, null, null, List.of());
    }

    /**
     * Claims and evaluates trials asked by another process until the trial budget is finished or
     * nothing was claimable for the idle timeout.
     */
    public StudyResult work() {
        ensureStudy();
        int evaluated = 0;
        long idleSince = System.nanoTime();
        String stop;
        try (Heartbeat heartbeat = new Heartbeat()) {
            while (true) {
                int done = claimAndEvaluate(heartbeat, new HashMap<>());
                evaluated += done;
                if (done > 0) {
                    idleSince = System.nanoTime();
                    continue;
                }
                List<TrialRecord> all = store.trials(name);
                if (maxTrials != null && all.size() >= maxTrials && all.stream().allMatch(r -> r.state().isFinished())) {
                    stop = "trials";
                    break;
                }
                if (System.nanoTime() - idleSince >= idleTimeout.toNanos()) {
                    stop = "idle";
                    break;
                }
                pause();
            }
        }
        return result(evaluated, stop);
    }

    private void ensureStudy() {
        Optional<StudyInfo> existing = store.findStudy(name);
        if (existing.isEmpty()) {
            try {
                store.createStudy(info());
                return;
            } catch (IllegalArgumentException raced) {
                existing = store.findStudy(name); // another worker created it first
                if (existing.isEmpty()) {
                    throw raced;
                }
            }
        }
        StudyInfo s = existing.get();
        if (!s.space().equals(space.id()) || !s.strategy().equals(strategy.id()) || !s.evaluator().equals(evaluator.id())
                || s.direction() != direction || s.seed() != seed) {
            throw new IllegalArgumentException("study '" + name + "' exists with space " + s.space() + ", strategy "
                    + s.strategy() + ", evaluator " + s.evaluator() + ", " + s.direction() + ", seed " + s.seed()
                    + "; this run has " + space.id() + ", " + strategy.id() + ", " + evaluator.id() + ", "
                    + direction + ", seed " + seed);
        }
    }

    /**
     * Evaluates what can be claimed until every trial of the batch is finished (other workers may take
     * some); {@code finished} collects the batch's evaluations. Reads the store only when a batch trial
     * is not known to be finished by this process.
     */
    private int evaluateUntilFinished(Set<Integer> batch, Map<Integer, Evaluation> finished, Heartbeat heartbeat) {
        int evaluated = 0;
        while (!finished.keySet().containsAll(batch)) {
            int done = claimAndEvaluate(heartbeat, finished);
            evaluated += done;
            if (done == 0) {
                for (TrialRecord r : store.trials(name)) {
                    if (batch.contains(r.number()) && r.state().isFinished()) {
                        finished.putIfAbsent(r.number(), evaluationOf(r));
                    }
                }
                if (!finished.keySet().containsAll(batch)) {
                    pause(); // another worker holds the rest; wait for it to finish or go stale
                }
            }
        }
        return evaluated;
    }

    /**
     * Re-queues stale trials (at most once per heartbeat interval, and whenever nothing is claimable),
     * claims up to one executor's worth, evaluates and finishes them. Results this process stored go into
     * {@code finished}.
     */
    private int claimAndEvaluate(Heartbeat heartbeat, Map<Integer, Evaluation> finished) {
        List<PendingTrial<A>> claimed = claim(heartbeat);
        if (claimed.isEmpty() && System.nanoTime() - lastStaleCheck > 10_000_000L) {
            staleCheck();
            claimed = claim(heartbeat);
        }
        if (claimed.isEmpty()) {
            return 0;
        }
        try {
            List<Evaluation> results = executor.evaluate(claimed, evaluator,
                    (number, step, value) -> store.reportIntermediate(name, number, step, value));
            for (int i = 0; i < claimed.size(); i++) {
                int number = claimed.get(i).number();
                Evaluation e = results.get(i);
                if (!e.isComplete()) {
                    LOG.warn("study {}: trial {} failed: {}", name, number, e.failure());
                }
                heartbeat.remove(number); // before completing, so no beat finds the finished trial and cries stale
                if (store.complete(name, number, e)) {
                    finished.put(number, e);
                } else {
                    LOG.warn("study {}: trial {} was already finished elsewhere; result dropped", name, number);
                }
            }
        } finally {
            claimed.forEach(t -> heartbeat.remove(t.number()));
        }
        return claimed.size();
    }

    /** When this process last re-queued stale trials (one Study is run by one thread at a time). */
    private long lastStaleCheck = System.nanoTime() - Long.MAX_VALUE / 4;

    private void staleCheck() {
        lastStaleCheck = System.nanoTime();
        int stale = store.markStale(name, staleAfter);
        if (stale > 0) {
            LOG.warn("study {}: {} trial(s) lost their heartbeat and were re-queued", name, stale);
        }
    }

    private List<PendingTrial<A>> claim(Heartbeat heartbeat) {
        if (System.nanoTime() - lastStaleCheck >= heartbeatInterval.toNanos()) {
            staleCheck();
        }
        List<PendingTrial<A>> claimed = new ArrayList<>();
        for (int i = 0; i < executor.slots(); i++) {
            Optional<TrialRecord> r = store.claim(name, worker);
            if (r.isEmpty()) {
                break;
            }
            heartbeat.add(r.get().number());
            claimed.add(new PendingTrial<>(r.get().number(), space.parse(r.get().architecture()),
                    Seeds.evaluationSeed(seed, r.get().number())));
        }
        return claimed;
    }

    private void pause() {
        try {
            Thread.sleep(Math.max(10, Math.min(200, heartbeatInterval.toMillis() / 2)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("study " + name + " interrupted", e);
        }
    }

    private StudyResult result(int evaluated, String stop) {
        List<TrialRecord> all = store.trials(name);
        int complete = (int) all.stream().filter(TrialRecord::isComplete).count();
        int failed = (int) all.stream().filter(r -> r.state() == TrialState.FAILED).count();
        return new StudyResult(name, best(all), complete, failed, evaluated, stop);
    }

    /** Best COMPLETE trial in a direction (ties: the lowest number). */
    public static Optional<TrialRecord> best(List<TrialRecord> trials, Direction direction) {
        TrialRecord best = null;
        for (TrialRecord r : trials) {
            if (r.isComplete() && (best == null || direction.better(r.value(), best.value()))) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<TrialRecord> best(List<TrialRecord> trials) {
        return best(trials, direction);
    }

    /** The evaluation a finished record stands for (what the strategy is told). */
    public static Evaluation evaluationOf(TrialRecord r) {
        if (r.state() == TrialState.COMPLETE) {
            return new Evaluation(Evaluation.Status.COMPLETE, r.value(), r.metrics(),
                    Double.isNaN(r.costSeconds()) ? 0 : r.costSeconds(), null);
        }
        if (r.state() == TrialState.FAILED) {
            return Evaluation.failed(r.failure() == null ? "failed" : r.failure(), r.costSeconds());
        }
        throw new IllegalStateException("trial " + r.number() + " of study " + r.study() + " is " + r.state() + ", not finished");
    }

    private static Map<Integer, TrialRecord> byNumber(List<TrialRecord> trials) {
        Map<Integer, TrialRecord> map = new HashMap<>();
        for (TrialRecord r : trials) {
            map.put(r.number(), r);
        }
        return map;
    }

    private static String defaultWorkerId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    /** Keeps the heartbeat of this process's running trials fresh from a daemon thread. */
    private final class Heartbeat implements AutoCloseable {
        private final Set<Integer> running = ConcurrentHashMap.newKeySet();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "connectome-heartbeat-" + name);
            t.setDaemon(true);
            return t;
        });

        Heartbeat() {
            long ms = heartbeatInterval.toMillis();
            timer.scheduleAtFixedRate(this::beat, ms, ms, TimeUnit.MILLISECONDS);
        }

        void add(int number) {
            running.add(number);
        }

        void remove(int number) {
            running.remove(number);
        }

        private void beat() {
            for (int number : running) {
                try {
                    if (!store.heartbeat(name, number, worker) && running.contains(number)) {
                        LOG.warn("study {}: trial {} is no longer ours (marked stale?)", name, number);
                    }
                } catch (RuntimeException e) {
                    LOG.warn("study {}: heartbeat for trial {} failed: {}", name, number, e.toString());
                }
            }
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }
}
