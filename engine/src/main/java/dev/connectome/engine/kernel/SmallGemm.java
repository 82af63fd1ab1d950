package dev.connectome.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * SGEMM for problems too small to repay packing (a few thousand multiply-adds): direct loops,
 * vectorised along the contiguous dimension where there is one.
 */
final class SmallGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private SmallGemm() {
    }

    static void run(GemmProblem g) {
        g.applyBeta(0, g.m(), 0, g.n());
        if (!g.transB()) {
            rowAxpy(g);
        } else if (!g.transA()) {
            rowDots(g);
        } else {
            scalar(g);
        }
    }

    /** op(B) rows are contiguous: C[i,:] += Σ_p op(A)[i,p]·B[p,:]. */
    private static void rowAxpy(GemmProblem g) {
        float[] b = g.b();
        float[] c = g.c();
        int n = g.n();
        int bound = S.loopBound(n);
        for (int i = 0; i < g.m(); i++) {
            int ci = g.offC() + i * g.ldc();
            for (int p = 0; p < g.k(); p++) {
                float av = g.a(i, p);
                int bi = g.offB() + p * g.ldb();
                FloatVector avv = FloatVector.broadcast(S, av);
                int j = 0;
                for (; j < bound; j += L) {
                    FloatVector.fromArray(S, b, bi + j).fma(avv, FloatVector.fromArray(S, c, ci + j))
                            .intoArray(c, ci + j);
                }
                for (; j < n; j++) {
                    c[ci + j] = Math.fma(av, b[bi + j], c[ci + j]);
                }
            }
        }
    }

    /** A and Bᵀ rows are both contiguous along k: C[i,j] += dot(A[i,:], B[j,:]). */
    private static void rowDots(GemmProblem g) {
        float[] a = g.a();
        float[] b = g.b();
        float[] c = g.c();
        int k = g.k();
        int bound = S.loopBound(k);
        for (int i = 0; i < g.m(); i++) {
            int ai = g.offA() + i * g.lda();
            int ci = g.offC() + i * g.ldc();
            for (int j = 0; j < g.n(); j++) {
                int bj = g.offB() + j * g.ldb();
                FloatVector acc = FloatVector.zero(S);
                int p = 0;
                for (; p < bound; p += L) {
                    acc = FloatVector.fromArray(S, a, ai + p).fma(FloatVector.fromArray(S, b, bj + p), acc);
                }
                float s = acc.reduceLanes(VectorOperators.ADD);
                for (; p < k; p++) {
                    s = Math.fma(a[ai + p], b[bj + p], s);
                }
                c[ci + j] += s;
            }
        }
    }

    private static void scalar(GemmProblem g) {
        float[] c = g.c();
        for (int i = 0; i < g.m(); i++) {
            int ci = g.offC() + i * g.ldc();
            for (int j = 0; j < g.n(); j++) {
                float s = 0f;
                for (int p = 0; p < g.k(); p++) {
                    s = Math.fma(g.a(i, p), g.b(p, j), s);
                }
                c[ci + j] += s;
            }
        }
    }
}
