package dev.connectome.nas.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.data.ImageBatches;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Runs every registered score on tiny NB201 networks (C = 2, N = 1, 4 random images). */
class ZeroCostScoreContractTest {
    static final Nb201Cell BEST = Nb201Cell.parse(
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|");
    static final Nb201Cell POOLS = Nb201Cell.parse(
            "|avg_pool_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|none~1|avg_pool_3x3~2|");
    static ImageBatches.Batch batch;

    @BeforeAll
    static void makeBatch() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 4;
        float[] images = new float[n * 3 * 32 * 32];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) rng.nextGaussian();
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        batch = new ImageBatches.Batch(images, labels, 3, "gaussian noise");
    }

    static Stream<ZeroCostScore> scores() {
        return ZeroCostScores.all().stream();
    }

    private static ScoreInput input(Nb201Cell cell, long seed) {
        return new ScoreInput(new Nb201ScoredNetwork(cell, 2, 1), batch, seed, Parallelism.single());
    }

    @ParameterizedTest
    @MethodSource("scores")
    void finiteAndDeterministic(ZeroCostScore score) {
        double a = score.score(input(BEST, 7));
        assertThat(a).as(score.id()).isFinite();
        assertThat(score.score(input(BEST, 7))).as(score.id() + " repeated").isEqualTo(a);
        assertThat(score.id()).matches("[a-z_]+");
        assertThat(score.description()).isNotBlank();
        assertThat(ZeroCostScores.byId(score.id())).isSameAs(score);
    }

    @ParameterizedTest
    @MethodSource("scores")
    void convolutionCellOutscoresAPoolingCellOnSizeScores(ZeroCostScore score) {
        if (score.id().equals("params") || score.id().equals("flops")) {
            assertThat(score.score(input(BEST, 1))).isGreaterThan(score.score(input(POOLS, 1)));
        } else {
            assertThat(score.score(input(POOLS, 1))).as(score.id()).isNotNaN();
        }
    }

    @Test
    void naswotKernelHasUnitCountOnDiagonal() {
        NaswotKernel k = new NaswotScore().kernel(input(BEST, 7));
        double[][] m = k.matrix();
        assertThat(m).hasNumberOfRows(4);
        for (int i = 0; i < 4; i++) {
            assertThat(m[i][i]).isEqualTo((double) k.units());
        }
        // 5 conv edges × 3 cells + 2 ReLUs × 2 reductions + the head ReLU
        assertThat(k.layers()).isEqualTo(5 * 3 + 2 * 2 + 1);
    }

    @Test
    void registryParsesListsAndRejectsUnknownIds() {
        assertThat(ZeroCostScores.ids()).containsExactly("naswot", "synflow", "snip", "grad_norm", "jacov", "params",
                "flops");
        assertThat(ZeroCostScores.parseList("naswot, SYNFLOW,naswot")).extracting(ZeroCostScore::id)
                .containsExactly("naswot", "synflow");
        assertThat(ZeroCostScores.parseList("all")).hasSize(ZeroCostScores.ids().size());
        assertThatThrownBy(() -> ZeroCostScores.parseList("naswot,zen")).hasMessageContaining("'zen'")
                .hasMessageContaining("known: naswot");
    }

    @Test
    void cellScorerCachesAndSeedsPerCell() {
        Nb201CellScorer scorer = new Nb201CellScorer(new NaswotScore(), batch, 2, 1, 5, Parallelism.single());
        double a = scorer.score(BEST);
        assertThat(scorer.score(BEST)).isEqualTo(a);
        assertThat(scorer.cached()).isEqualTo(1);
        assertThat(Nb201CellScorer.cellSeed(5, BEST)).isNotEqualTo(Nb201CellScorer.cellSeed(5, POOLS));
        scorer.remember(POOLS, 42.0);
        assertThat(scorer.score(POOLS)).isEqualTo(42.0);
    }

    @Test
    void jacobiEigenvaluesOfKnownMatrix() {
        double[] v = SymmetricEigen.values(new double[][] {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}});
        java.util.Arrays.sort(v);
        assertThat(v).containsExactly(new double[] {1, 3, 5}, org.assertj.core.data.Offset.offset(1e-12));
    }
}
