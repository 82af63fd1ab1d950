package dev.connectome.nas.subspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every projection against its explicitly materialised matrix, on small sizes. */
class ProjectionContractTest {
    private static final int[] SEGMENTS = {60, 7, 30, 3}; // D = 100

    static float[] gaussian(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    static Stream<Named<Supplier<Projection>>> projections() {
        float[] theta = gaussian(100, 3);
        return Stream.of(
                Named.of("dense-qr", () -> DenseQrProjection.create(theta, 12, new SplittableRandom(1))),
                Named.of("dense", () -> DenseGaussianProjection.create(100, 12, new SplittableRandom(2))),
                Named.of("sparse", () -> SparseRandomProjection.create(SEGMENTS, 12, new SplittableRandom(3))),
                Named.of("fastfood one block", () -> FastfoodProjection.create(100, 12, 0, new SplittableRandom(4))),
                Named.of("fastfood stacked L=16", () -> FastfoodProjection.create(100, 12, 16, new SplittableRandom(5))),
                Named.of("fastfood stacked d>L", () -> FastfoodProjection.create(100, 37, 16, new SplittableRandom(6))),
                Named.of("fastfood interleaved L=4, two groups", () -> InterleavedFastfood.create(100, 12, 4, new SplittableRandom(8))),
                Named.of("fastfood interleaved d>L", () -> InterleavedFastfood.create(100, 37, 8, new SplittableRandom(9))),
                Named.of("fastfood interleaved L=1", () -> InterleavedFastfood.create(40, 3, 1, new SplittableRandom(10))),
                Named.of("fastfood interleaved whole groups", () -> InterleavedFastfood.create(128, 9, 4, new SplittableRandom(11))),
                Named.of("registry fastfood", () -> Projections.standard().get("fastfood")
                        .create(new ProjectionRequest(100, 12, theta, SEGMENTS), new SplittableRandom(7))));
    }

    /** P as D rows of d, built column by column from P·e_j. */
    static double[][] materialise(Projection p) {
        double[][] m = new double[p.ambientDimension()][p.dimension()];
        for (int j = 0; j < p.dimension(); j++) {
            float[] col = p.column(j);
            for (int i = 0; i < col.length; i++) {
                m[i][j] = col[i];
            }
        }
        return m;
    }

    @ParameterizedTest
    @MethodSource("projections")
    void projectAndTransposeAgreeWithTheMaterialisedMatrix(Supplier<Projection> make) {
        Projection p = make.get();
        double[][] m = materialise(p);
        int bigD = p.ambientDimension(), d = p.dimension();
        float[] omega = gaussian(d, 11);
        float[] g = gaussian(bigD, 12);
        float[] theta = new float[bigD];
        float[] scratch = new float[p.scratchLength()];
        java.util.Arrays.fill(theta, 99f); // must be overwritten
        p.project(omega, theta, scratch);
        for (int i = 0; i < bigD; i++) {
            double want = 0;
            for (int j = 0; j < d; j++) {
                want += m[i][j] * omega[j];
            }
            assertThat((double) theta[i]).as("(Pω)[%d]", i).isCloseTo(want, within(1e-4));
        }
        float[] back = new float[d];
        java.util.Arrays.fill(back, -5f);
        p.projectTranspose(g, back, scratch);
        for (int j = 0; j < d; j++) {
            double want = 0;
            for (int i = 0; i < bigD; i++) {
                want += m[i][j] * g[i];
            }
            assertThat((double) back[j]).as("(Pᵀg)[%d]", j).isCloseTo(want, within(1e-4));
        }
    }

    @ParameterizedTest
    @MethodSource("projections")
    void sameSeedSameProjection(Supplier<Projection> make) {
        float[] omega = gaussian(make.get().dimension(), 4);
        assertThat(make.get().project(omega)).containsExactly(make.get().project(omega));
    }

    private static double norm(float[] v) {
        double s = 0;
        for (float x : v) {
            s += (double) x * x;
        }
        return Math.sqrt(s);
    }

    @Test
    void denseQrStartsAtThetaInitWithOrthonormalColumns() {
        float[] theta = gaussian(500, 21);
        for (int i = 0; i < theta.length; i++) {
            theta[i] *= 0.01f;
        }
        Projection p = DenseQrProjection.create(theta, 40, new SplittableRandom(22));
        float[] start = p.project(p.initialOmega());
        for (int i = 0; i < theta.length; i++) {
            assertThat(start[i]).isCloseTo(theta[i], within(1e-6f));
        }
        float[] omega0 = p.initialOmega();
        assertThat(omega0[0]).isCloseTo((float) norm(theta), within(1e-4f));
        for (int j = 1; j < omega0.length; j++) {
            assertThat(omega0[j]).isZero();
        }
        float[][] cols = new float[40][];
        for (int j = 0; j < 40; j++) {
            cols[j] = p.column(j);
        }
        for (int a = 0; a < 40; a++) {
            for (int b = 0; b <= a; b++) {
                double dot = 0;
                for (int i = 0; i < 500; i++) {
                    dot += (double) cols[a][i] * cols[b][i];
                }
                assertThat(dot).as("q%d·q%d", a, b).isCloseTo(a == b ? 1 : 0, within(1e-5));
            }
        }
    }

    @Test
    void denseQrWorksAcrossSeveralGramSchmidtBlocks() {
        float[] theta = gaussian(300, 1);
        Projection p = DenseQrProjection.create(theta, 150, new SplittableRandom(2));
        float[] last = p.column(149);
        float[] first = p.column(0);
        float[] mid = p.column(70);
        assertThat(norm(last)).isCloseTo(1, within(1e-5));
        double d1 = 0, d2 = 0;
        for (int i = 0; i < 300; i++) {
            d1 += (double) last[i] * first[i];
            d2 += (double) last[i] * mid[i];
        }
        assertThat(d1).isCloseTo(0, within(1e-5));
        assertThat(d2).isCloseTo(0, within(1e-5));
    }

    @Test
    void denseQrRejectsMoreColumnsThanDimensions() {
        assertThatThrownBy(() -> DenseQrProjection.create(gaussian(10, 1), 11, new SplittableRandom(1)))
                .hasMessageContaining("d = 11 exceeds D = 10");
        assertThatThrownBy(() -> DenseQrProjection.create(new float[10], 3, new SplittableRandom(1)))
                .hasMessageContaining("all zeros");
    }

    @Test
    void denseAndSparseColumnsHaveUnitNorm() {
        for (Projection p : List.of(DenseGaussianProjection.create(300, 20, new SplittableRandom(1)),
                SparseRandomProjection.create(new int[] {200, 90, 10}, 20, new SplittableRandom(2)))) {
            for (int j = 0; j < 20; j++) {
                assertThat(norm(p.column(j))).as("%s column %d", p.name(), j).isCloseTo(1, within(1e-5));
            }
        }
    }

    @Test
    void sparseDensityIsOneOverRootOfTheSegmentSize() {
        int d = 400;
        SparseRandomProjection p = SparseRandomProjection.create(new int[] {10_000, 100}, d, new SplittableRandom(8));
        // expected non-zeros per basis vector: √10000 + √100 = 110
        assertThat(p.nonZeros() / (double) d).isCloseTo(110, within(3.0));
        float[] col = p.column(0);
        long firstSegment = 0;
        for (int i = 0; i < 10_000; i++) {
            if (col[i] != 0) {
                firstSegment++;
            }
        }
        assertThat(firstSegment).isBetween(50L, 160L);
    }

    @Test
    void fastfoodColumnsHaveUnitNormWhenNothingIsCutAndUnitMeanSquareOtherwise() {
        Projection exact = FastfoodProjection.create(256, 40, 0, new SplittableRandom(3));
        for (int j = 0; j < 40; j++) {
            assertThat(norm(exact.column(j))).isCloseTo(1, within(1e-4));
        }
        // D = 600 inside L = 1024: each column keeps ~600/1024 of its mass, rescaled by √(L/D).
        Projection cut = FastfoodProjection.create(600, 200, 0, new SplittableRandom(4));
        double meanSq = 0;
        for (int j = 0; j < 200; j++) {
            double n = norm(cut.column(j));
            meanSq += n * n / 200;
            assertThat(n).isBetween(0.7, 1.3);
        }
        assertThat(meanSq).isCloseTo(1, within(0.05));
        // stacked blocks of 64 covering D = 1000
        Projection stacked = FastfoodProjection.create(1000, 100, 64, new SplittableRandom(5));
        double stackedSq = 0;
        for (int j = 0; j < 100; j++) {
            double n = norm(stacked.column(j));
            stackedSq += n * n / 100;
        }
        assertThat(stackedSq).isCloseTo(1, within(0.05));
    }

    @Test
    void interleavedFastfoodColumnsHaveUnitNormWhenNothingIsCutAndUnitMeanSquareOtherwise() {
        // D = 2 groups of 16 blocks of 16: nothing cut
        Projection exact = InterleavedFastfood.create(512, 20, 16, new SplittableRandom(3));
        for (int j = 0; j < 20; j++) {
            assertThat(norm(exact.column(j))).isCloseTo(1, within(1e-4));
        }
        Projection twoOmegaBlocks = InterleavedFastfood.create(512, 40, 16, new SplittableRandom(4));
        for (int j = 0; j < 40; j++) {
            assertThat(norm(twoOmegaBlocks.column(j))).isCloseTo(1, within(1e-4));
        }
        // D = 3000 in 2 groups of 16·64 = 1024 rows … the second one cut at 952 rows
        Projection cut = InterleavedFastfood.create(3000, 100, 64, new SplittableRandom(5));
        double meanSq = 0;
        for (int j = 0; j < 100; j++) {
            double n = norm(cut.column(j));
            meanSq += n * n / 100;
        }
        assertThat(meanSq).isCloseTo(1, within(0.05));
    }

    @Test
    void registeredFastfoodIsInterleavedBlocksOf1024ForMnistFc() {
        Projection p = Projections.standard().get("fastfood").create(ProjectionRequest.of(199_210, 1000), new SplittableRandom(1));
        assertThat(p).isInstanceOf(InterleavedFastfood.class);
        InterleavedFastfood f = (InterleavedFastfood) p;
        assertThat(f.blockLength()).isEqualTo(1024);
        assertThat(f.thetaBlocks()).isEqualTo(208); // 13 groups of 16 ≥ 195 blocks
        assertThat(f.storedValues() * 4).isLessThan(4_000_000L); // O(D), not O(dD) = 800 MB
    }

    @Test
    void fastfoodMemoryIsLinearInDNotInDTimesd() {
        FastfoodProjection p = FastfoodProjection.create(199_210, 1000, 0, new SplittableRandom(1));
        assertThat(p.blockLength()).isEqualTo(262_144);
        assertThat(p.storedValues()).isEqualTo(5L * 262_144);
        assertThat(p.scratchLength()).isEqualTo(2 * 262_144);
    }

    @Test
    void registryKnowsTheFourTypesAndNamesUnknownOnes() {
        assertThat(Projections.standard().names()).containsExactly("dense", "dense-qr", "fastfood", "fastfood-li", "sparse");
        assertThatThrownBy(() -> Projections.standard().get("johnson"))
                .hasMessageContaining("unknown projection 'johnson'").hasMessageContaining("fastfood");
    }

    @Test
    void requestsAreValidated() {
        assertThatThrownBy(() -> new ProjectionRequest(10, 2, null, new int[] {4, 5}))
                .hasMessageContaining("sum to 9");
        assertThatThrownBy(() -> ProjectionRequest.of(10, 0)).hasMessageContaining("at least 1");
        Projection p = FastfoodProjection.create(10, 3, 0, new SplittableRandom(1));
        assertThatThrownBy(() -> p.project(new float[2], new float[10], new float[32]))
                .hasMessageContaining("ω needs 3");
        assertThatThrownBy(() -> p.project(new float[3], new float[10], new float[3]))
                .hasMessageContaining("scratch");
    }
}
