package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeuronGraphTest {
    private static Node bias() {
        return new Node(0, NodeKind.BIAS, 1);
    }

    private static Node in(int id) {
        return new Node(id, NodeKind.INPUT, 1);
    }

    private static Node hidden(int id, int act) {
        return new Node(id, NodeKind.HIDDEN, act);
    }

    private static Node out(int id) {
        return new Node(id, NodeKind.OUTPUT, 1);
    }

    private static Connection c(long innovation, int s, int t) {
        return new Connection(innovation, s, t, 1f, true);
    }

    @Test
    void initialGenomeHasAllBiasAndInputToOutputGenes() {
        NeuronGraph g = NeuronGraph.initial(5, 2, 1.0, new SplittableRandom(1));
        assertThat(g.nodes()).hasSize(8);
        assertThat(g.connections()).hasSize(12).allMatch(c -> c.weight() == 1f && c.enabled());
        assertThat(g.hiddenCount()).isZero();
        assertThat(g.layers()).containsExactly(List.of(0, 1, 2, 3, 4, 5), List.of(6, 7));
        assertThat(NeuronGraph.initial(5, 2, 0.0, new SplittableRandom(1)).enabledConnectionCount()).isZero();
    }

    @Test
    void initialEnablesAboutProbEnableOfTheGenes() {
        NeuronGraph g = NeuronGraph.initial(256, 10, 0.05, new SplittableRandom(7));
        assertThat(g.connections()).hasSize(2570);
        assertThat(g.enabledConnectionCount()).isBetween(90, 170); // mean 128.5, sd ≈ 11
    }

    @Test
    void layersPlaceHiddenNodesAboveTheirSourcesAndOutputsLast() {
        // 0 bias, 1 input, 5 output; hidden 2 ← 1, hidden 3 ← 2, hidden 4 ← 0; all feed output 5.
        NeuronGraph g = NeuronGraph.of(1, 1, List.of(bias(), in(1), out(5), hidden(2, 5), hidden(3, 3), hidden(4, 9)),
                List.of(c(0, 1, 2), c(1, 2, 3), c(2, 0, 4), c(3, 3, 5), c(4, 4, 5), new Connection(5, 1, 5, 1f, false)));
        assertThat(g.layers()).containsExactly(List.of(0, 1), List.of(2, 4), List.of(3), List.of(5));
        assertThat(g.evaluationOrder()).extracting(Node::id).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(g.nodes()).extracting(Node::kind)
                .containsExactly(NodeKind.BIAS, NodeKind.INPUT, NodeKind.HIDDEN, NodeKind.HIDDEN, NodeKind.HIDDEN, NodeKind.OUTPUT);
        assertThat(g.enabledConnectionCount()).isEqualTo(5);
        assertThat(g.nextNodeId()).isEqualTo(6);
        assertThat(g.nextInnovation()).isEqualTo(6);
    }

    @Test
    void evaluationOrderFollowsEdgesNotIds() {
        // Hidden 7 feeds hidden 6: 7 must come first although its id is larger.
        NeuronGraph g = NeuronGraph.of(1, 1, List.of(bias(), in(1), out(2), hidden(6, 1), hidden(7, 1)),
                List.of(c(0, 1, 7), c(1, 7, 6), c(2, 6, 2)));
        assertThat(g.evaluationOrder()).extracting(Node::id).containsExactly(0, 1, 7, 6, 2);
    }

    @Test
    void rejectsCyclesIncludingDisabledGenes() {
        assertThatThrownBy(() -> NeuronGraph.of(1, 1, List.of(bias(), in(1), out(2), hidden(3, 1), hidden(4, 1)),
                List.of(c(0, 1, 3), c(1, 3, 4), new Connection(2, 4, 3, 1f, false), c(3, 4, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cycle");
    }

    @Test
    void rejectsBrokenInvariantsWithClearMessages() {
        List<Node> nodes = List.of(bias(), in(1), out(2), hidden(3, 1));
        assertThatThrownBy(() -> NeuronGraph.of(1, 1, nodes, List.of(c(0, 2, 3))))
                .hasMessageContaining("starts at an output");
        assertThatThrownBy(() -> NeuronGraph.of(1, 1, nodes, List.of(c(0, 3, 1))))
                .hasMessageContaining("ends at a input");
        assertThatThrownBy(() -> NeuronGraph.of(1, 1, nodes, List.of(c(0, 1, 3), c(0, 3, 2))))
                .hasMessageContaining("duplicate innovation");
        assertThatThrownBy(() -> NeuronGraph.of(1, 1, nodes, List.of(c(0, 1, 3), c(1, 1, 3))))
                .hasMessageContaining("two genes");
        assertThatThrownBy(() -> NeuronGraph.of(1, 1, nodes, List.of(c(0, 1, 9))))
                .hasMessageContaining("missing node");
        assertThatThrownBy(() -> NeuronGraph.of(2, 1, nodes, List.of()))
                .hasMessageContaining("expected 2 input nodes, got 1");
        assertThatThrownBy(() -> NeuronGraph.of(1, 1, List.of(bias(), in(1), out(2), hidden(2, 1)), List.of()))
                .hasMessageContaining("duplicate node id 2");
        assertThatThrownBy(() -> new Node(3, NodeKind.HIDDEN, 12)).hasMessageContaining("activation id 12");
    }

    @Test
    void equalityIsStructural() {
        NeuronGraph a = NeuronGraph.initial(3, 2, 0.5, new SplittableRandom(3));
        NeuronGraph b = NeuronGraph.initial(3, 2, 0.5, new SplittableRandom(3));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(Mutations.enable(a, new SplittableRandom(1))).isNotEqualTo(a);
    }
}
