package dev.connectome.nas.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.Direction;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegularizedEvolutionTest {

    private final Nb201Space space = new Nb201Space();

    @Test
    void firstPCandidatesAreRandomThenChildrenOfTheTournamentWinner() {
        RegularizedEvolution<Nb201Cell> rea = new RegularizedEvolution<>(space, 3, 3, Direction.MAXIMIZE);
        Nb201Cell good = Nb201Cell.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|");
        rea.tell(Nb201Cell.ofCode(0), Evaluation.complete(10));
        rea.tell(good, Evaluation.complete(90));
        rea.tell(Nb201Cell.ofCode(1), Evaluation.failed("x")); // failures never join
        assertThat(rea.snapshot()).doesNotContain("|none~0|+|none~0|none~1|+|none~0|none~1|skip_connect~2|");
        rea.tell(Nb201Cell.ofCode(2), Evaluation.complete(20));
        // Population full (P=3). With S=3 draws from 3 members, the winner is `good` unless it is never drawn.
        SplittableRandom rng = new SplittableRandom(3);
        int children = 0;
        for (int i = 0; i < 200; i++) {
            Nb201Cell child = rea.ask(rng);
            int diff = 0;
            for (int e = 0; e < 6; e++) {
                diff += child.op(e) != good.op(e) ? 1 : 0;
            }
            children += diff == 1 ? 1 : 0;
        }
        // P(good never drawn in 3 draws) = (2/3)^3 ≈ 0.30, so about 70% are its children.
        assertThat(children).isBetween(110, 170);
    }

    @Test
    void oldestMemberAgesOut() {
        RegularizedEvolution<Nb201Cell> rea = new RegularizedEvolution<>(space, 2, 1, Direction.MAXIMIZE);
        rea.tell(Nb201Cell.ofCode(100), Evaluation.complete(99));
        rea.tell(Nb201Cell.ofCode(200), Evaluation.complete(1));
        rea.tell(Nb201Cell.ofCode(300), Evaluation.complete(2));
        assertThat(rea.snapshot()).doesNotContain(Nb201Cell.ofCode(100).format())
                .contains(Nb201Cell.ofCode(200).format(), Nb201Cell.ofCode(300).format());
    }

    @Test
    void rejectsBadSettingsAndMismatchedSnapshots() {
        assertThatThrownBy(() -> new RegularizedEvolution<>(space, 0, 1, Direction.MAXIMIZE)).hasMessageContaining("population");
        assertThatThrownBy(() -> new RegularizedEvolution<>(space, 5, 0, Direction.MAXIMIZE)).hasMessageContaining("sample");
        String json = new RegularizedEvolution<>(space, 5, 2, Direction.MAXIMIZE).snapshot();
        assertThatThrownBy(() -> new RegularizedEvolution<>(space, 6, 2, Direction.MAXIMIZE).restore(json)).hasMessageContaining("P=5");
    }
}
