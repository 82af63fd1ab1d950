package dev.connectome.nas.wann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WannSpaceTest {

    private static final WannTasks.Spec MNIST = WannTasks.get("mnist256");

    private static List<WannCandidate> lineage(WannSpace space, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<WannCandidate> out = new ArrayList<>();
        WannCandidate c = space.sample(rng);
        for (int i = 0; i < n; i++) {
            out.add(c);
            c = space.mutate(new WannCandidate(i + 1, c.graph()), rng);
        }
        return out;
    }

    @Test
    void cachedAndUncachedSpacesAgreeOnTextAndParse() {
        WannSettings s = WannSettings.mnist256().withPopulation(4);
        WannSpace cached = WannSearch.space(MNIST, s);
        WannSpace plain = new WannSpace(256, 10, s.probInitEnable(), cached.mutation());
        for (WannCandidate c : lineage(cached, 20, 1)) {
            String text = cached.format(c);
            assertThat(text).isEqualTo(plain.format(c));
            assertThat(cached.key(c)).isEqualTo(plain.key(c)).isEqualTo(GenomeText.format(c.graph()));
            WannCandidate fromPlain = plain.parse(text);
            assertThat(fromPlain.graph()).isEqualTo(c.graph());
            assertThat(fromPlain.generation()).isEqualTo(c.generation());
            assertThat(plain.format(fromPlain)).isEqualTo(text);
        }
    }

    @Test
    void parsingARecentlyFormattedTextReturnsTheCandidate() {
        WannSpace space = WannSearch.space(MNIST, WannSettings.mnist256().withPopulation(4)); // remembers 8
        List<WannCandidate> cs = lineage(space, 12, 2);
        List<String> texts = cs.stream().map(space::format).toList();
        for (int i = 0; i < cs.size(); i++) {
            WannCandidate back = space.parse(texts.get(i));
            if (i >= cs.size() - 8) {
                assertThat(back).isSameAs(cs.get(i));
            } else {
                assertThat(back).isNotSameAs(cs.get(i)).isEqualTo(cs.get(i)); // evicted: parsed afresh
            }
        }
    }

    @Test
    void foreignTextIsStillValidated() {
        WannSpace space = WannSearch.space(MNIST, WannSettings.mnist256().withPopulation(4));
        WannSpace swing = WannSearch.space(WannTasks.get("swingup"), WannSettings.laptop());
        String swingText = swing.format(swing.sample(new SplittableRandom(3)));
        assertThatThrownBy(() -> space.parse(swingText)).isInstanceOf(UnknownArchitectureException.class)
                .hasMessageContaining("5 inputs");
        assertThatThrownBy(() -> new WannSpace(1, 1, 0.5, space.mutation(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
