package dev.connectome.nas.study;

import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.search.Strategy;
import dev.connectome.nas.space.SearchSpace;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/** Builds a {@link Study}; required: name. Budgets: at least one of trials, time, target. */
public final class StudyBuilder<A> {
    final SearchSpace<A> space;
    final Strategy<A> strategy;
    final Evaluator<A> evaluator;
    final TrialStore store;
    String name;
    TrialExecutor executor;
    Direction direction = Direction.MAXIMIZE;
    long seed;
    Integer maxTrials;
    Duration maxTime;
    Double target;
    int batchSize;
    String worker;
    Duration heartbeatInterval = Duration.ofSeconds(2);
    Duration staleAfter = Duration.ofSeconds(10);
    Duration idleTimeout = Duration.ofSeconds(30);
    Map<String, Object> settings = Map.of();
    StudyListener listener = StudyListener.none();
    int snapshotEvery = 1;

    StudyBuilder(SearchSpace<A> space, Strategy<A> strategy, Evaluator<A> evaluator, TrialStore store) {
        this.space = Objects.requireNonNull(space, "space");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
        this.store = Objects.requireNonNull(store, "store");
    }

    /** Study name (unique in the store). Required. */
    public StudyBuilder<A> name(String name) {
        this.name = name;
        return this;
    }

    /** Where trials are evaluated; default one local thread. Not closed by the study. */
    public StudyBuilder<A> executor(TrialExecutor executor) {
        this.executor = executor;
        return this;
    }

    public StudyBuilder<A> direction(Direction direction) {
        this.direction = Objects.requireNonNull(direction, "direction");
        return this;
    }

    public StudyBuilder<A> seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Total trials (asked, including failed ones). */
    public StudyBuilder<A> trials(int maxTrials) {
        if (maxTrials < 1) {
            throw new IllegalArgumentException("trial budget must be >= 1, got " + maxTrials);
        }
        this.maxTrials = maxTrials;
        return this;
    }

    /** Wall-time budget of one run() call: no new batch is asked after it. */
    public StudyBuilder<A> time(Duration maxTime) {
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("time budget must be positive, got " + maxTime);
        }
        this.maxTime = maxTime;
        return this;
    }

    /** Stop once the best value reaches this (≥ when maximising, ≤ when minimising). */
    public StudyBuilder<A> target(double target) {
        this.target = target;
        return this;
    }

    /** Trials asked before their results are told; default the executor's slots. Keep it fixed across resumes. */
    public StudyBuilder<A> batchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** Worker id written on claimed trials; default host:pid:random. */
    public StudyBuilder<A> worker(String worker) {
        this.worker = worker;
        return this;
    }

    public StudyBuilder<A> heartbeatInterval(Duration interval) {
        this.heartbeatInterval = positive(interval, "heartbeat interval");
        return this;
    }

    /** A RUNNING trial whose heartbeat is older than this is re-queued (must exceed the interval). */
    public StudyBuilder<A> staleAfter(Duration staleAfter) {
        this.staleAfter = positive(staleAfter, "stale-after");
        return this;
    }

    /** How long {@link Study#work()} waits with nothing to claim before returning. */
    public StudyBuilder<A> idleTimeout(Duration idleTimeout) {
        this.idleTimeout = positive(idleTimeout, "idle timeout");
        return this;
    }

    /** Extra resolved settings stored with the study (JSON-compatible values). */
    public StudyBuilder<A> settings(Map<String, Object> settings) {
        this.settings = Map.copyOf(settings);
        return this;
    }

    /** Save the strategy state every this many batches (and after the last); default 1. */
    public StudyBuilder<A> snapshotEvery(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("snapshot interval must be >= 1 batch, got " + batches);
        }
        this.snapshotEvery = batches;
        return this;
    }

    public StudyBuilder<A> listener(StudyListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    public Study<A> build() {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a study needs a name");
        }
        if (maxTrials == null && maxTime == null && target == null) {
            throw new IllegalArgumentException("study '" + name + "' needs a budget: trials, time or target");
        }
        if (staleAfter.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("stale-after (" + staleAfter + ") must exceed the heartbeat interval ("
                    + heartbeatInterval + ")");
        }
        return new Study<>(this);
    }

    private static Duration positive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }
}
