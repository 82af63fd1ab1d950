package dev.connectome.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pool of float buffers recycled by exact length. A training step that repeats the same shapes
 * takes the same buffers back every step, so the hot path allocates no float arrays after the
 * first step. Not thread-safe: one arena per tape per thread.
 */
public final class Arena {
    private final Map<Integer, ArrayDeque<float[]>> free = new HashMap<>();
    private final List<float[]> inUse = new ArrayList<>();
    private long allocatedFloats;

    /** A buffer of exactly {@code n} floats with unspecified contents, held until {@link #releaseAll()}. */
    public float[] take(int n) {
        ArrayDeque<float[]> pool = free.get(n);
        float[] b = pool == null ? null : pool.pollLast();
        if (b == null) {
            b = new float[n];
            allocatedFloats += n;
        }
        inUse.add(b);
        return b;
    }

    /** Returns every buffer handed out since the last release to the pool. */
    public void releaseAll() {
        for (float[] b : inUse) {
            free.computeIfAbsent(b.length, k -> new ArrayDeque<>()).addLast(b);
        }
        inUse.clear();
    }

    /** Floats allocated fresh over this arena's life (a cache-miss counter, for tests and benchmarks). */
    public long allocatedFloats() {
        return allocatedFloats;
    }
}
