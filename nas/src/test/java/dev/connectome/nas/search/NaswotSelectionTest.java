package dev.connectome.nas.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Op;
import dev.connectome.nas.cell.Nb201Space;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NaswotSelectionTest {
    /** A stand-in score: the number of 3×3 convolutions in the cell. */
    private static double convs(Nb201Cell c) {
        return c.ops().stream().filter(op -> op == Nb201Op.NOR_CONV_3X3).count();
    }

    @Test
    void picksTheBestScoringOfNDraws() {
        NaswotSelection<Nb201Cell> s = new NaswotSelection<>(new Nb201Space(), 50, NaswotSelectionTest::convs);
        NaswotSelection.Selection<Nb201Cell> sel = s.select(new SplittableRandom(1));
        assertThat(sel.candidates()).hasSize(50);
        for (double v : sel.scores()) {
            assertThat(sel.bestScore()).isGreaterThanOrEqualTo(v);
        }
        assertThat(convs(sel.chosen())).isEqualTo(sel.bestScore());
        // the same generator state gives the same choice; ask returns the selection's choice
        assertThat(s.ask(new SplittableRandom(1))).isEqualTo(sel.chosen());
        // the draws are the space's own samples
        SplittableRandom rng = new SplittableRandom(1);
        Nb201Space space = new Nb201Space();
        assertThat(sel.candidates().get(0)).isEqualTo(space.sample(rng));
    }

    @Test
    void nanScoresLoseAndTiesKeepFirst() {
        NaswotSelection<Nb201Cell> s = new NaswotSelection<>(new Nb201Space(), 20,
                c -> c.op(0) == Nb201Op.NONE ? Double.NaN : 1.0);
        NaswotSelection.Selection<Nb201Cell> sel = s.select(new SplittableRandom(4));
        int firstNonNan = -1;
        for (int i = 0; i < 20 && firstNonNan < 0; i++) {
            if (!Double.isNaN(sel.scores()[i])) {
                firstNonNan = i;
            }
        }
        assertThat(sel.best()).isEqualTo(firstNonNan);
    }

    @Test
    void snapshotRoundTripsAndChecksN() {
        NaswotSelection<Nb201Cell> s = new NaswotSelection<>(new Nb201Space(), 10, NaswotSelectionTest::convs);
        assertThat(s.id()).isEqualTo("naswot");
        String snap = s.snapshot();
        s.restore(snap);
        NaswotSelection<Nb201Cell> other = new NaswotSelection<>(new Nb201Space(), 100, NaswotSelectionTest::convs);
        assertThatThrownBy(() -> other.restore(snap)).hasMessageContaining("N=10");
        assertThatThrownBy(() -> s.restore("{\"strategy\":\"random\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NaswotSelection<>(new Nb201Space(), 0, NaswotSelectionTest::convs))
                .hasMessageContaining("N >= 1");
    }
}
