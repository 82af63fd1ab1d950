package dev.connectome.nas.wann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.graph.Connection;
import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.graph.Mutations;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.Node;
import dev.connectome.nas.graph.NodeKind;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.space.UnknownArchitectureException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class GenomeTextTest {

    @Property(tries = 60)
    void evolvedGenomesRoundTrip(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int mutations) {
        SplittableRandom rng = new SplittableRandom(seed);
        NeuronGraph g = NeuronGraph.initial(5, 1, 0.5, rng);
        for (int i = 0; i < mutations; i++) {
            g = Mutations.mutate(g, MutationSettings.swingup(), rng);
        }
        String text = GenomeText.format(g);
        assertThat(GenomeText.parse(text)).isEqualTo(g);
        assertThat(GenomeText.format(GenomeText.parse(text))).isEqualTo(text);
    }

    @Test
    void mnist256InitialGenomeIsCompact() {
        NeuronGraph g = NeuronGraph.initial(256, 10, 0.05, new SplittableRandom(1));
        String text = GenomeText.format(g);
        assertThat(text.length()).isLessThan(800);
        assertThat(GenomeText.parse(text)).isEqualTo(g);
    }

    @Test
    void graphsReadFromOutFilesRoundTripWithAllGenesListed() {
        NeuronGraph g = WannOutFormat.read(Path.of("src/test/resources/wann/swing.out"), 5, 1);
        assertThat(GenomeText.parse(GenomeText.format(g))).isEqualTo(g);
    }

    @Test
    void nonStandardIdsAreListed() {
        List<Node> nodes = List.of(new Node(7, NodeKind.BIAS, 1), new Node(3, NodeKind.INPUT, 1),
                new Node(9, NodeKind.OUTPUT, 1), new Node(1, NodeKind.HIDDEN, 5));
        List<Connection> conns = List.of(new Connection(4, 3, 1, 0.5f, true), new Connection(8, 1, 9, 1f, false));
        NeuronGraph g = NeuronGraph.of(1, 1, nodes, conns);
        assertThat(GenomeText.format(g)).contains("allnodes=");
        assertThat(GenomeText.parse(GenomeText.format(g))).isEqualTo(g);
    }

    @Test
    void malformedTextNamesItself() {
        assertThatThrownBy(() -> GenomeText.parse("in=5;out=1;init=zz;nodes=;conns="))
                .isInstanceOf(UnknownArchitectureException.class).hasMessageContaining("in=5");
        assertThatThrownBy(() -> GenomeText.parse("hello")).isInstanceOf(UnknownArchitectureException.class);
    }
}
