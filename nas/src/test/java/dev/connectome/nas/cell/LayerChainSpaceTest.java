package dev.connectome.nas.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.search.reinforce.DecisionLayout;
import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LayerChainSpaceTest {
    private final LayerChainSpace space = LayerChainSpace.nas(6);

    @Property(tries = 200)
    void encodeDecodeAndFormatParseRoundTrip(@ForAll long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        LayerChain c = space.sample(rng);
        assertThat(space.tokens().decode(space.tokens().encode(c))).isEqualTo(c);
        assertThat(space.parse(space.format(c))).isEqualTo(c);
        LayerChain m = space.mutate(c, rng);
        assertThat(m).isNotEqualTo(c);
        int[] a = space.tokens().encode(c), b = space.tokens().encode(m);
        int diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff += a[i] != b[i] ? 1 : 0;
        }
        assertThat(diff).isEqualTo(1);
    }

    @Test
    void tokenViewHasFourDecisionsPerLayerAndFourTypes() {
        assertThat(space.tokens().choices()).hasSize(24).startsWith(4, 4, 4, 2);
        assertThat(space.tokens().label(6, 3)).isEqualTo("filters 64");
        DecisionLayout shared = DecisionLayout.of(space.tokens(), false);
        assertThat(shared.types()).isEqualTo(4);
        assertThat(shared.options()).containsExactly(4, 4, 4, 2);
        assertThat(LayerChain.parse("3x5:36/2").layers().get(0)).isEqualTo(new LayerChain.Layer(3, 5, 36, 2));
    }

    @Test
    void badTextNamesThePart() {
        assertThatThrownBy(() -> space.parse("3x3:36/1-3y3:36/1")).isInstanceOf(UnknownArchitectureException.class)
                .hasMessageContaining("'3y3:36/1'");
        assertThatThrownBy(() -> space.parse("3x3:36/1")).isInstanceOf(UnknownArchitectureException.class)
                .hasMessageContaining("1 layers");
        assertThatThrownBy(() -> LayerChainSpace.nas(1).parse("3x3:40/1")).hasMessageContaining("filters 40");
    }
}
