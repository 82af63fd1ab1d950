package dev.connectome.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Sgemm} against a naive double-precision product, over every transposition, padded
 * leading dimensions, offsets, beta 0/1/other, edge shapes and 1 and 2 threads.
 */
class SgemmTest {
    private static Parallelism two;

    @BeforeAll
    static void start() {
        two = Parallelism.of(2);
    }

    @AfterAll
    static void stop() {
        two.close();
    }

    /** One randomly filled problem with padding around every window, checked against a double reference. */
    static void check(boolean ta, boolean tb, int m, int n, int k, float beta, Parallelism par, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int padA = rng.nextInt(3);
        int padB = rng.nextInt(3);
        int padC = rng.nextInt(3);
        int offA = rng.nextInt(4);
        int offB = rng.nextInt(4);
        int offC = rng.nextInt(4);
        int aRows = ta ? k : m;
        int aCols = ta ? m : k;
        int bRows = tb ? n : k;
        int bCols = tb ? k : n;
        int lda = aCols + padA;
        int ldb = bCols + padB;
        int ldc = n + padC;
        // A and B end exactly at their windows, so any read past them fails.
        float[] a = fill(rng, offA + Math.max(0, (aRows - 1) * lda + aCols));
        float[] b = fill(rng, offB + Math.max(0, (bRows - 1) * ldb + bCols));
        float[] c = fill(rng, offC + m * ldc + 2);
        float[] before = c.clone();
        if (beta == 0f) {
            // beta 0 must overwrite whatever C holds, NaN included, inside the window only.
            for (int i = 0; i < m; i++) {
                Arrays.fill(c, offC + i * ldc, offC + i * ldc + n, Float.NaN);
            }
        }
        Sgemm.gemm(ta, tb, m, n, k, a, offA, lda, b, offB, ldb, beta, c, offC, ldc, par);

        for (int idx = 0; idx < c.length; idx++) {
            int rel = idx - offC;
            boolean inside = rel >= 0 && rel / ldc < m && rel % ldc < n;
            if (!inside) {
                assertThat(c[idx]).as("element %d outside the C window", idx).isEqualTo(before[idx]);
                continue;
            }
            int i = rel / ldc;
            int j = rel % ldc;
            double s = 0;
            double mag = 0;
            for (int p = 0; p < k; p++) {
                double av = ta ? a[offA + p * lda + i] : a[offA + i * lda + p];
                double bv = tb ? b[offB + j * ldb + p] : b[offB + p * ldb + j];
                s += av * bv;
                mag += Math.abs(av * bv);
            }
            double expected = s + (beta == 0f ? 0 : beta * (double) before[idx]);
            double tol = 1e-6 * (mag + Math.abs(beta * before[idx])) * Math.sqrt(k + 1) + 1e-6;
            assertThat((double) c[idx])
                    .as("C[%d,%d] of %s%s m=%d n=%d k=%d beta=%s threads=%d", i, j, ta ? "Aᵀ" : "A", tb ? "Bᵀ" : "B",
                            m, n, k, beta, par.threads())
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(tol));
        }
    }

    private static float[] fill(SplittableRandom rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    static Stream<Arguments> shapes() {
        int[][] mnk = {
                {1, 1, 1}, {1, 37, 5}, {37, 1, 5}, {1, 300, 70}, {300, 1, 70}, {5, 7, 1}, {64, 80, 1},
                {6, 16, 8}, {7, 17, 9}, {13, 31, 29}, {48, 64, 300}, {50, 33, 257}, {97, 45, 131},
                {128, 200, 53}, {250, 19, 513}, {23, 500, 40}, {241, 35, 20}
        };
        Stream.Builder<Arguments> out = Stream.builder();
        for (int[] s : mnk) {
            for (int trans = 0; trans < 4; trans++) {
                out.add(Arguments.of(trans >= 2, trans % 2 == 1, s[0], s[1], s[2]));
            }
        }
        return out.build();
    }

    @ParameterizedTest(name = "ta={0} tb={1} {2}x{3}x{4}")
    @MethodSource("shapes")
    void matchesDoubleReferenceOnOneAndTwoThreads(boolean ta, boolean tb, int m, int n, int k) {
        long seed = 31L * m + 17L * n + k;
        for (float beta : new float[] {0f, 1f, -0.5f}) {
            check(ta, tb, m, n, k, beta, Parallelism.single(), seed);
            check(ta, tb, m, n, k, beta, two, seed + 1);
        }
    }

    @Test
    void largeBlockedProblemCrossesEveryBlockBoundary() {
        // Exceeds KC, MC in one go and splits unevenly across 2 threads.
        check(false, false, 251, 70, 600, 1f, two, 1);
        check(true, true, 251, 70, 600, 0f, Parallelism.single(), 2);
        check(false, true, 70, 2100, 40, 0f, Parallelism.single(), 3);
    }

    @Test
    void kZeroAppliesOnlyBeta() {
        float[] c = {Float.NaN, Float.NaN, 1, 2};
        Sgemm.gemm(false, false, 2, 2, 0, new float[0], 0, 1, new float[0], 0, 2, 0f, c, 0, 2, Parallelism.single());
        assertThat(c).containsExactly(0, 0, 0, 0);
        float[] d = {1, 2};
        Sgemm.gemm(false, false, 1, 2, 0, new float[0], 0, 1, new float[0], 0, 2, 3f, d, 0, 2, Parallelism.single());
        assertThat(d).containsExactly(3, 6);
    }

    @Test
    void twoThreadsGiveTheSameBitsAsOne() {
        SplittableRandom rng = new SplittableRandom(5);
        float[] a = fill(rng, 128 * 300);
        float[] b = fill(rng, 300 * 200);
        float[] c1 = new float[128 * 200];
        float[] c2 = new float[128 * 200];
        Sgemm.gemm(false, false, 128, 200, 300, a, 0, 300, b, 0, 200, 0f, c1, 0, 200, Parallelism.single());
        Sgemm.gemm(false, false, 128, 200, 300, a, 0, 300, b, 0, 200, 0f, c2, 0, 200, two);
        assertThat(c2).containsExactly(c1);
    }

    @Test
    void rejectsWindowsThatDoNotFit() {
        float[] a = new float[6];
        float[] b = new float[6];
        float[] c = new float[4];
        Parallelism p = Parallelism.single();
        assertThatThrownBy(() -> Sgemm.gemm(false, false, 2, 2, 3, a, 1, 3, b, 0, 2, 0f, c, 0, 2, p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A");
        assertThatThrownBy(() -> Sgemm.gemm(false, false, 2, 2, 3, a, 0, 2, b, 0, 2, 0f, c, 0, 2, p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leading dimension of A");
        assertThatThrownBy(() -> Sgemm.gemm(false, false, 2, 3, 3, a, 0, 3, new float[9], 0, 3, 0f, c, 0, 3, p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sgemm: C");
        assertThatThrownBy(() -> Sgemm.gemm(false, false, -1, 2, 3, a, 0, 3, b, 0, 2, 0f, c, 0, 2, p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Property(tries = 60)
    void anyShapeMatchesReference(@ForAll @IntRange(min = 1, max = 70) int m,
                                  @ForAll @IntRange(min = 1, max = 70) int n,
                                  @ForAll @IntRange(min = 1, max = 90) int k,
                                  @ForAll @IntRange(min = 0, max = 3) int trans,
                                  @ForAll boolean accumulate,
                                  @ForAll boolean twoThreads) {
        check(trans >= 2, trans % 2 == 1, m, n, k, accumulate ? 1f : 0f,
                twoThreads ? two : Parallelism.single(), (long) m * n * k + trans);
    }
}
