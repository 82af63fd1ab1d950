package dev.connectome.engine.kernel;

import dev.connectome.engine.Parallelism;

/**
 * Single-precision general matrix multiply on row-major arrays:
 * {@code C = op(A)·op(B) + beta·C}, where op(X) is X or Xᵀ.
 *
 * <p>op(A) is m×k, op(B) is k×n, C is m×n. {@code lda}, {@code ldb}, {@code ldc} are the row
 * strides of the arrays as stored (so for transA, A is stored k×m with stride lda ≥ m).
 * Only {@code c} is modified. {@code beta} is 0 (overwrite) or 1 (accumulate), or any other scale.
 */
public final class Sgemm {
    private Sgemm() {
    }

    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int offA, int lda,
                            float[] b, int offB, int ldb,
                            float beta, float[] c, int offC, int ldc,
                            Parallelism par) {
        // Reference implementation; replaced by the packed Vector API kernel.
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    float av = transA ? a[offA + p * lda + i] : a[offA + i * lda + p];
                    float bv = transB ? b[offB + j * ldb + p] : b[offB + p * ldb + j];
                    s += av * bv;
                }
                int ci = offC + i * ldc + j;
                c[ci] = beta == 0f ? s : beta * c[ci] + s;
            }
        }
    }
}
