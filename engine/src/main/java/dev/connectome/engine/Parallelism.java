package dev.connectome.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * How many threads a kernel may use, made explicit so that a study running trials in parallel can
 * give each trial one thread while a single large training gets all cores.
 *
 * <p>{@link #single()} runs everything on the calling thread and owns no threads. A multi-threaded
 * instance owns {@code threads - 1} daemon workers (the caller is the last one); close it when done.
 *
 * <p>Kernel calls last 0.1–5 ms, so handing work to a thread must cost microseconds, not the tens
 * of microseconds of an executor queue and a park/unpark pair. Workers therefore spin (with
 * {@link Thread#onSpinWait()}) for {@link #SPIN_NANOS} after their last job before parking; a
 * training loop that calls kernels back to back never parks them, and an idle instance stops
 * burning CPU within a fraction of a millisecond.
 */
public final class Parallelism implements AutoCloseable {
    private static final Parallelism SINGLE = new Parallelism(1);
    /** How long an idle worker polls for the next job before parking. */
    static final long SPIN_NANOS = 200_000;

    private final int threads;
    private final Worker[] workers;
    /** Held by the thread that is currently fanning out; a second concurrent caller runs inline. */
    private final ReentrantLock fanOut = new ReentrantLock();
    private volatile Job job;
    /** Bumped for each published job; workers compare it with the last one they saw. */
    private volatile long epoch;
    private volatile boolean closed;

    private Parallelism(int threads) {
        this.threads = threads;
        this.workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker();
            Thread t = new Thread(workers[i], "connectome-kernel-" + (i + 1));
            t.setDaemon(true);
            workers[i].thread = t;
            t.start();
        }
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
     * returns when all are done. The caller takes tasks too. Which thread runs which task is
     * unspecified, so tasks must write disjoint outputs. If a task throws, the remaining tasks still
     * run and the first exception is rethrown here.
     *
     * <p>Safe to call from several threads and from inside a task: a call that finds the workers
     * busy runs its tasks on the calling thread.
     */
    public void forEach(int tasks, IntConsumer body) {
        if (threads == 1 || tasks <= 1 || closed || !fanOut.tryLock()) {
            for (int i = 0; i < tasks; i++) {
                body.accept(i);
            }
            return;
        }
        try {
            Job j = new Job(tasks, body);
            job = j;
            epoch++;
            for (Worker w : workers) {
                if (w.parked) {
                    LockSupport.unpark(w.thread);
                }
            }
            j.work();
            j.awaitDone();
            Throwable error = j.error.get();
            if (error instanceof RuntimeException re) {
                throw re;
            }
            if (error instanceof Error err) {
                throw err;
            }
            if (error != null) {
                throw new IllegalStateException(error);
            }
        } finally {
            fanOut.unlock();
        }
    }

    /** Stops the workers (they exit after their current job). Later calls run on the caller. */
    @Override
    public void close() {
        if (this == SINGLE) {
            return;
        }
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    @Override
    public String toString() {
        return "Parallelism(" + threads + ")";
    }

    /** One fan-out: tasks are claimed from a shared counter, so a late worker simply finds none left. */
    private static final class Job {
        final int tasks;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final AtomicReference<Throwable> error = new AtomicReference<>();

        Job(int tasks, IntConsumer body) {
            this.tasks = tasks;
            this.body = body;
        }

        void work() {
            int i;
            while ((i = next.getAndIncrement()) < tasks) {
                try {
                    body.accept(i);
                } catch (Throwable t) {
                    error.compareAndSet(null, t);
                } finally {
                    finished.incrementAndGet();
                }
            }
        }

        void awaitDone() {
            int spins = 0;
            while (finished.get() < tasks) {
                if (++spins < 1 << 16) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
    }

    private final class Worker implements Runnable {
        Thread thread;
        volatile boolean parked;

        @Override
        public void run() {
            long seen = 0;
            while (!closed) {
                long now = epoch;
                if (now != seen) {
                    seen = now;
                    Job j = job;
                    if (j != null) {
                        j.work();
                    }
                    continue;
                }
                long idleSince = System.nanoTime();
                while (epoch == seen && !closed && System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                }
                if (epoch == seen && !closed) {
                    // Publish "parked" before re-checking epoch: forEach bumps epoch before reading
                    // "parked", so either we see the new job or it sees us and unparks us.
                    parked = true;
                    if (epoch == seen && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                }
            }
        }
    }
}
