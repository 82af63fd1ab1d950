package dev.connectome.nas.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.nas.cell.Nb201Cell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Gradient scores with a shared tape pool: same values, and the second cell allocates no new buffers. */
class TapePoolTest {
    @BeforeAll
    static void batch() {
        ZeroCostScoreContractTest.makeBatch();
    }

    @ParameterizedTest
    @ValueSource(strings = {"snip", "grad_norm", "jacov", "synflow"})
    void pooledTapesGiveTheSameScoresAndReuseTheirBuffers(String id) {
        ZeroCostScore score = ZeroCostScores.byId(id);
        Nb201Cell other = Nb201Cell.parse(
                "|nor_conv_1x1~0|+|nor_conv_3x3~0|skip_connect~1|+|nor_conv_3x3~0|avg_pool_3x3~1|nor_conv_3x3~2|");
        TapePool pool = new TapePool(Parallelism.single());
        double first = score.score(input(ZeroCostScoreContractTest.BEST, pool));
        assertThat(first).isEqualTo(score.score(input(ZeroCostScoreContractTest.BEST, null)));
        Tape tape = pool.take();
        long allocated = tape.arena().allocatedFloats();
        assertThat(allocated).isPositive();
        pool.giveBack(tape);
        // the same cell again: every buffer comes back from the pool, none is allocated
        double again = score.score(input(ZeroCostScoreContractTest.BEST, pool));
        assertThat(again).isEqualTo(first);
        Tape same = pool.take();
        assertThat(same).isSameAs(tape);
        assertThat(same.arena().allocatedFloats()).isEqualTo(allocated);
        pool.giveBack(same);
        assertThat(score.score(input(other, pool))).isEqualTo(score.score(input(other, null)));
    }

    private static ScoreInput input(Nb201Cell cell, TapePool pool) {
        return new ScoreInput(new Nb201ScoredNetwork(cell, 2, 1), ZeroCostScoreContractTest.batch, 7,
                Parallelism.single(), pool);
    }
}
