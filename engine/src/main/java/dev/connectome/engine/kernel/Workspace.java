package dev.connectome.engine.kernel;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * Packing buffers for one thread's share of an {@link Sgemm} call.
 *
 * <p>Buffers are recycled through a small bounded, thread-safe pool: a task borrows a workspace
 * for the duration of one call and returns it, so steady-state training loops allocate nothing
 * here and no buffer is ever shared by two threads at once. The pool holds at most
 * {@link #POOL_SIZE} workspaces (extras are dropped for the GC); a workspace grows to the largest
 * block it has packed: at most MC×KA floats (0.25 MB) for A, and for transposed B about
 * {@link BlockedGemm#B_BUDGET} floats (8 MB) unless k alone exceeds that (k×NR floats then).
 */
final class Workspace {
    private static final int POOL_SIZE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final ArrayBlockingQueue<Workspace> POOL = new ArrayBlockingQueue<>(POOL_SIZE);

    /** Packed A block (MC×KC). */
    float[] a = new float[0];
    /** Packed B block (KC×NC). */
    float[] b = new float[0];
    /** One MR×NR tile for partial tiles at the right and bottom edges of C. */
    final float[] tile = new float[MicroKernel.MR * MicroKernel.NR];

    private Workspace() {
    }

    static Workspace borrow() {
        Workspace ws = POOL.poll();
        return ws != null ? ws : new Workspace();
    }

    static void giveBack(Workspace ws) {
        POOL.offer(ws);
    }

    float[] a(int size) {
        if (a.length < size) {
            a = new float[size];
        }
        return a;
    }

    float[] b(int size) {
        if (b.length < size) {
            b = new float[size];
        }
        return b;
    }
}
