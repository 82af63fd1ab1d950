package dev.connectome.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * How many threads a kernel may use, made explicit so that a study running trials in parallel can
 * give each trial one thread while a single large training gets all cores.
 *
 * <p>{@link #single()} runs everything on the calling thread and owns no threads. A multi-threaded
 * instance owns {@code threads - 1} daemon workers (the caller is the last one); close it when done.
 */
public final class Parallelism implements AutoCloseable {
    private static final Parallelism SINGLE = new Parallelism(1);

    private final int threads;
    private final ExecutorService workers;

    private Parallelism(int threads) {
        this.threads = threads;
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "connectome-kernel");
            t.setDaemon(true);
            return t;
        });
    }

    /** The calling thread only. Shared, stateless, never needs closing. */
    public static Parallelism single() {
        return SINGLE;
    }

    /** {@code threads} threads (1 gives {@link #single()}). */
    public static Parallelism of(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return threads == 1 ? SINGLE : new Parallelism(threads);
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body.accept(i)} for every i in [0, tasks), spreading the tasks over the threads;
     * returns when all are done. Task 0.. are run by the caller too, so nothing is lost to handoff
     * when there is one task.
     */
    public void forEach(int tasks, IntConsumer body) {
        if (threads == 1 || tasks <= 1) {
            for (int i = 0; i < tasks; i++) {
                body.accept(i);
            }
            return;
        }
        int lanes = Math.min(threads, tasks);
        @SuppressWarnings("unchecked")
        Future<?>[] pending = new Future<?>[lanes - 1];
        for (int lane = 1; lane < lanes; lane++) {
            final int start = lane;
            pending[lane - 1] = workers.submit(() -> {
                for (int i = start; i < tasks; i += lanes) {
                    body.accept(i);
                }
            });
        }
        for (int i = 0; i < tasks; i += lanes) {
            body.accept(i);
        }
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for kernel threads", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "Parallelism(" + threads + ")";
    }
}
