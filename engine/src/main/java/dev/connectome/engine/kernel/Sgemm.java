package dev.connectome.engine.kernel;

import dev.connectome.engine.Parallelism;

/**
 * Single-precision general matrix multiply on row-major arrays:
 * {@code C = op(A)·op(B) + beta·C}, where op(X) is X or Xᵀ.
 *
 * <p>op(A) is m×k, op(B) is k×n, C is m×n. {@code lda}, {@code ldb}, {@code ldc} are the row
 * strides of the arrays as stored (so for transA, A is stored k×m with stride lda ≥ m).
 * Only {@code c} is modified, and only its m×n window. {@code beta} 0 overwrites C without reading
 * it (NaN garbage is fine), 1 accumulates, anything else scales.
 *
 * <p>Implementation: problems below {@link #SMALL_FLOPS} multiply-adds use direct vectorised
 * loops; larger ones are packed and register-tiled ({@link BlockedGemm}, {@link MicroKernel}),
 * with row chunks of C shared out dynamically between threads.
 * Packing buffers come from a small pool ({@link Workspace}), so the calling code allocates no
 * arrays per call once the pool is warm.
 */
public final class Sgemm {
    /** Below this many multiply-adds (m·n·k) packing costs more than it saves. */
    static final long SMALL_FLOPS = 32_768;
    /** Below this many multiply-adds a second thread's handoff (a few µs) is not worth it. */
    static final long PARALLEL_FLOPS = 1 << 18;

    private Sgemm() {
    }

    /**
     * {@code C = op(A)·op(B) + beta·C}; see the class comment for the layout.
     *
     * @throws IllegalArgumentException if a dimension is negative, a leading dimension is smaller
     *                                  than its row length, or an array is too short for its window
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int offA, int lda,
                            float[] b, int offB, int ldb,
                            float beta, float[] c, int offC, int ldc,
                            Parallelism par) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("sgemm: negative dimension m=" + m + " n=" + n + " k=" + k);
        }
        if (m == 0 || n == 0) {
            return;
        }
        checkWindow("A", a, offA, lda, transA ? k : m, transA ? m : k);
        checkWindow("B", b, offB, ldb, transB ? n : k, transB ? k : n);
        checkWindow("C", c, offC, ldc, m, n);
        GemmProblem g = new GemmProblem(transA, transB, m, n, k, a, offA, lda, b, offB, ldb, beta, c, offC, ldc);
        long flops = (long) m * n * k;
        if (flops < SMALL_FLOPS) { // includes k = 0: only beta is applied
            SmallGemm.run(g);
            return;
        }
        BlockedGemm.run(g, flops < PARALLEL_FLOPS ? Parallelism.single() : par);
    }

    private static void checkWindow(String name, float[] x, int off, int ld, int rows, int cols) {
        if (x == null) {
            throw new IllegalArgumentException("sgemm: " + name + " is null");
        }
        if (off < 0) {
            throw new IllegalArgumentException("sgemm: offset of " + name + " is negative: " + off);
        }
        if (ld < Math.max(1, cols)) {
            throw new IllegalArgumentException("sgemm: leading dimension of " + name + " is " + ld
                    + " but its stored rows have " + cols + " elements");
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        long last = off + (long) (rows - 1) * ld + cols;
        if (last > x.length) {
            throw new IllegalArgumentException("sgemm: " + name + " (stored " + rows + "×" + cols + ", offset "
                    + off + ", leading dimension " + ld + ") needs " + last + " elements but has " + x.length);
        }
    }
}
