package dev.connectome.nas.study;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.Evaluator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates trials on local threads. With one worker the trial gets the engine {@link Parallelism}
 * given here (all cores for one big training); with several, each trial runs its engine work on its
 * own thread ({@link Parallelism#single()}) so trials do not fight over cores.
 */
public final class ThreadExecutor implements TrialExecutor {

    private final int workers;
    private final Parallelism engine;
    private final ExecutorService pool;

    /**
     * @param workers trials evaluated at once (≥ 1)
     * @param engine  engine threads for a trial when {@code workers == 1} (not closed by this executor)
     */
    public ThreadExecutor(int workers, Parallelism engine) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.workers = workers;
        this.engine = workers == 1 ? engine : Parallelism.single();
        AtomicInteger id = new AtomicInteger();
        this.pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "connectome-trial-" + id.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code workers} threads, each trial single-threaded. */
    public static ThreadExecutor of(int workers) {
        return new ThreadExecutor(workers, Parallelism.single());
    }

    @Override
    public int slots() {
        return workers;
    }

    @Override
    public <A> List<Evaluation> evaluate(List<PendingTrial<A>> trials, Evaluator<A> evaluator, IntermediateSink sink) {
        List<Evaluation> out = new ArrayList<>(trials.size());
        if (pool == null || trials.size() == 1) {
            for (PendingTrial<A> t : trials) {
                out.add(TrialExecutor.evaluateSafely(evaluator, t, engine, sink));
            }
            return out;
        }
        List<Future<Evaluation>> futures = new ArrayList<>(trials.size());
        for (PendingTrial<A> t : trials) {
            futures.add(pool.submit(() -> TrialExecutor.evaluateSafely(evaluator, t, engine, sink)));
        }
        for (Future<Evaluation> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for trials", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("trial thread failed", e.getCause());
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
