package dev.connectome.nas.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.search.reinforce.DecisionLayout;
import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EnasCellSpaceTest {
    private final EnasCellSpace space = new EnasCellSpace(5);

    @Property(tries = 200)
    void roundTripsAndOneDecisionMutations(@ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        EnasCell c = space.sample(rng);
        assertThat(space.tokens().decode(space.tokens().encode(c))).isEqualTo(c);
        assertThat(space.parse(space.format(c))).isEqualTo(c);
        assertThat(c.leaves()).isNotEmpty().contains(5); // the last node is never read
        EnasCell m = space.mutate(c, rng);
        int[] a = space.tokens().encode(c), b = space.tokens().encode(m);
        int diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += a[i] != b[i] ? 1 : 0;
        }
        assertThat(diff).isEqualTo(1);
    }

    @Test
    void leavesTokensAndHeads() {
        EnasCell c = EnasCell.parse("0:tanh,1:relu,1:identity,0:sigmoid");
        assertThat(c.leaves()).containsExactly(2, 3, 4);
        assertThat(new EnasCellSpace(4).tokens().encode(c)).containsExactly(0, 0, 1, 1, 1, 3, 0, 2);
        DecisionLayout shared = DecisionLayout.of(space.tokens(), false);
        assertThat(shared.types()).isEqualTo(6); // 5 input decisions (1..5 options) + one activation type
        assertThat(space.tokens().choices()).containsExactly(1, 4, 2, 4, 3, 4, 4, 4, 5, 4);
    }

    @Test
    void badCellsNameTheNode() {
        assertThatThrownBy(() -> EnasCell.parse("0:tanh,2:relu")).isInstanceOf(UnknownArchitectureException.class)
                .hasMessageContaining("node 2 must read a node in [0, 1]");
        assertThatThrownBy(() -> EnasCell.parse("0:tanh,1:gelu")).hasMessageContaining("bad node 2 '1:gelu'");
        assertThatThrownBy(() -> space.parse("0:tanh")).hasMessageContaining("1 nodes");
    }
}
