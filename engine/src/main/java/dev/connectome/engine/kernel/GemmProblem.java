package dev.connectome.engine.kernel;

/**
 * The arguments of one {@link Sgemm#gemm} call after validation, so the driver and the threads
 * it forks pass one value around instead of fifteen.
 */
record GemmProblem(boolean transA, boolean transB, int m, int n, int k,
                   float[] a, int offA, int lda,
                   float[] b, int offB, int ldb,
                   float beta, float[] c, int offC, int ldc) {

    /** op(A)[i, p]. */
    float a(int i, int p) {
        return transA ? a[offA + p * lda + i] : a[offA + i * lda + p];
    }

    /** op(B)[p, j]. */
    float b(int p, int j) {
        return transB ? b[offB + j * ldb + p] : b[offB + p * ldb + j];
    }

    /**
     * Applies beta to the block rows [i0, i1) × cols [j0, j1) of C: zero for beta 0 (overwriting
     * whatever was there, NaN included), nothing for beta 1, a scale otherwise.
     */
    void applyBeta(int i0, int i1, int j0, int j1) {
        if (beta == 1f) {
            return;
        }
        for (int i = i0; i < i1; i++) {
            int row = offC + i * ldc;
            if (beta == 0f) {
                java.util.Arrays.fill(c, row + j0, row + j1, 0f);
            } else {
                for (int j = j0; j < j1; j++) {
                    c[row + j] *= beta;
                }
            }
        }
    }
}
