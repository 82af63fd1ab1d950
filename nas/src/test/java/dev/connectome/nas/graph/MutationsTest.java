package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MutationsTest {
    private static final MutationSettings ONLY_TANH = new MutationSettings(0.2, 0.25, 0.05, 0.5, new int[] {5});

    private static NeuronGraph oneGene(float weight) {
        return NeuronGraph.of(1, 1, List.of(new Node(0, NodeKind.BIAS, 1), new Node(1, NodeKind.INPUT, 1),
                new Node(2, NodeKind.OUTPUT, 1)), List.of(new Connection(4, 1, 2, weight, true)));
    }

    @Test
    void addNodeSplitsAConnectionKeepingItsWeightOnTheOutgoingLink() {
        NeuronGraph g = Mutations.addNode(oneGene(0.7f), ONLY_TANH, new SplittableRandom(1));
        assertThat(g.nodes()).contains(new Node(3, NodeKind.HIDDEN, 5));
        assertThat(g.connections()).containsExactly(
                new Connection(4, 1, 2, 0.7f, false),
                new Connection(5, 1, 3, 1f, true),
                new Connection(6, 3, 2, 0.7f, true));
    }

    @Test
    void impossibleMutationsReturnTheSameGenome() {
        NeuronGraph none = NeuronGraph.initial(2, 1, 0.0, new SplittableRandom(1));
        SplittableRandom rng = new SplittableRandom(2);
        assertThat(Mutations.addNode(none, ONLY_TANH, rng)).isSameAs(none); // nothing enabled to split
        assertThat(Mutations.changeActivation(none, ONLY_TANH, rng)).isSameAs(none); // no hidden node
        assertThat(Mutations.addConnection(none, rng)).isSameAs(none); // every input→output gene exists
        NeuronGraph all = NeuronGraph.initial(2, 1, 1.0, new SplittableRandom(1));
        assertThat(Mutations.enable(all, rng)).isSameAs(all);
        // a single-activation range cannot change the activation of a node that already has it
        NeuronGraph h = Mutations.addNode(all, ONLY_TANH, rng);
        assertThat(Mutations.changeActivation(h, ONLY_TANH, rng)).isSameAs(h);
    }

    @Test
    void mutateFallsBackToAPossibleMutation() {
        // Initial genome with nothing enabled: only "enable" is possible, whatever the roulette picks.
        NeuronGraph g = NeuronGraph.initial(3, 2, 0.0, new SplittableRandom(1));
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            NeuronGraph child = Mutations.mutate(g, MutationSettings.swingup(), rng);
            assertThat(child.enabledConnectionCount()).isEqualTo(1);
        }
        NeuronGraph full = NeuronGraph.of(1, 1, List.of(new Node(0, NodeKind.BIAS, 1), new Node(1, NodeKind.INPUT, 1),
                new Node(2, NodeKind.OUTPUT, 1)), List.of(new Connection(0, 0, 2, 1f, false), new Connection(1, 1, 2, 1f, false)));
        assertThat(Mutations.mutate(full, new MutationSettings(1, 1, 0, 1, new int[] {1}), rng)).isSameAs(full);
    }

    @Test
    void rouletteFollowsTheWeights() {
        // From a genome where every mutation is possible, count which one happened.
        SplittableRandom rng = new SplittableRandom(11);
        NeuronGraph g = NeuronGraph.initial(4, 2, 0.5, rng);
        g = Mutations.addNode(g, MutationSettings.swingup(), rng);
        g = Mutations.addNode(g, MutationSettings.swingup(), rng);
        int[] counts = new int[4];
        int n = 4000;
        for (int i = 0; i < n; i++) {
            NeuronGraph c = Mutations.mutate(g, MutationSettings.swingup(), rng);
            int dn = c.nodes().size() - g.nodes().size();
            int dc = c.connections().size() - g.connections().size();
            counts[dn == 1 ? 1 : dc == 1 ? 0 : c.enabledConnectionCount() > g.enabledConnectionCount() ? 2 : 3]++;
        }
        double[] expected = {0.20, 0.25, 0.05, 0.50};
        for (int k = 0; k < 4; k++) {
            assertThat(counts[k] / (double) n).as("operator %d", k).isCloseTo(expected[k], org.assertj.core.data.Offset.offset(0.03));
        }
    }

    @Test
    void settingsMatchThePublishedRanges() {
        assertThat(MutationSettings.swingup().hiddenActivations()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(MutationSettings.mnist256().hiddenActivations()).containsExactly(1, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(MutationSettings.mnist256().addNode()).isEqualTo(0.25);
        assertThat(MutationSettings.swingup()).isEqualTo(MutationSettings.swingup());
    }
}
