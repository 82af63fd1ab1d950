package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class MutationPropertiesTest {

    @Property(tries = 60)
    void everyMutationKeepsTheGenomeFeedForwardAndChangesExactlyOneThing(
            @ForAll @IntRange(min = 1, max = 7) int inputs, @ForAll @IntRange(min = 1, max = 3) int outputs,
            @ForAll @IntRange(min = 0, max = 60) int steps, @ForAll boolean mnistRange, @ForAll long seed) {
        MutationSettings s = mnistRange ? MutationSettings.mnist256() : MutationSettings.swingup();
        SplittableRandom rng = new SplittableRandom(seed);
        NeuronGraph g = NeuronGraph.initial(inputs, outputs, 0.5, rng);
        checkInvariants(g, s);
        for (int i = 0; i < steps; i++) {
            NeuronGraph child = Mutations.mutate(g, s, rng);
            checkInvariants(child, s);
            checkOneMutation(g, child, s);
            g = child;
        }
    }

    static void checkInvariants(NeuronGraph g, MutationSettings s) {
        // Rebuilding validates uniqueness, kinds and acyclicity again.
        assertThat(NeuronGraph.of(g.inputCount(), g.outputCount(), g.nodes(), g.connections())).isEqualTo(g);
        Map<Integer, Integer> pos = new HashMap<>();
        List<Node> order = g.evaluationOrder();
        for (int i = 0; i < order.size(); i++) {
            pos.put(order.get(i).id(), i);
        }
        Map<Integer, Integer> layer = g.layerOfNode();
        List<List<Integer>> layers = g.layers();
        Set<Long> pairs = new HashSet<>();
        for (Connection c : g.connections()) {
            assertThat(pos.get(c.source())).as("topological order of %s", c).isLessThan(pos.get(c.target()));
            assertThat(layer.get(c.source())).as("layers of %s", c).isLessThan(layer.get(c.target()));
            assertThat(g.node(c.source()).kind()).isNotEqualTo(NodeKind.OUTPUT);
            assertThat(g.node(c.target()).kind()).isIn(NodeKind.HIDDEN, NodeKind.OUTPUT);
            assertThat(pairs.add(((long) c.source() << 32) | c.target())).as("duplicate %s", c).isTrue();
        }
        List<Integer> last = layers.get(layers.size() - 1);
        assertThat(last).hasSize(g.outputCount());
        int[] range = s.hiddenActivations();
        for (Node n : g.nodes()) {
            switch (n.kind()) {
                case OUTPUT -> assertThat(last).contains(n.id());
                case HIDDEN -> assertThat(range).contains(n.activation());
                default -> {
                    assertThat(layer.get(n.id())).isZero();
                    assertThat(n.activation()).isEqualTo(WannActivation.LINEAR);
                }
            }
        }
        assertThat(layers.stream().mapToInt(List::size).sum()).isEqualTo(g.nodes().size());
        assertThat(g.enabledConnectionCount()).isEqualTo((int) g.connections().stream().filter(Connection::enabled).count());
    }

    static void checkOneMutation(NeuronGraph parent, NeuronGraph child, MutationSettings s) {
        int dNodes = child.nodes().size() - parent.nodes().size();
        int dConns = child.connections().size() - parent.connections().size();
        if (dNodes == 1) { // add-node
            assertThat(dConns).isEqualTo(2);
            assertThat(child.enabledConnectionCount()).isEqualTo(parent.enabledConnectionCount() + 1);
            Connection in = child.connections().get(child.connections().size() - 2);
            Connection out = child.connections().get(child.connections().size() - 1);
            Connection split = findPair(parent, in.source(), out.target());
            assertThat(split.enabled()).isTrue();
            assertThat(findPair(child, in.source(), out.target()).enabled()).isFalse();
            assertThat(in.weight()).isEqualTo(1f);
            assertThat(out.weight()).isEqualTo(split.weight());
            assertThat(in.target()).isEqualTo(out.source());
            assertThat(child.node(in.target()).kind()).isEqualTo(NodeKind.HIDDEN);
        } else if (dConns == 1) { // add-connection
            assertThat(dNodes).isZero();
            Connection added = child.connections().get(child.connections().size() - 1);
            assertThat(added.enabled()).isTrue();
            assertThat(added.weight()).isEqualTo(1f);
            assertThat(parent.hasConnection(added.source(), added.target())).isFalse();
            Map<Integer, Integer> layer = parent.layerOfNode();
            assertThat(layer.get(added.source())).isLessThan(layer.get(added.target()));
        } else {
            assertThat(dNodes).isZero();
            assertThat(dConns).isZero();
            int enabledChanges = 0;
            for (int i = 0; i < parent.connections().size(); i++) {
                Connection a = parent.connections().get(i);
                Connection b = child.connections().get(i);
                if (!a.equals(b)) {
                    assertThat(a.enabled()).isFalse();
                    assertThat(b).isEqualTo(a.withEnabled(true));
                    enabledChanges++;
                }
            }
            int activationChanges = 0;
            for (int i = 0; i < parent.nodes().size(); i++) {
                Node a = parent.nodes().get(i);
                Node b = child.nodes().get(i);
                if (!a.equals(b)) {
                    assertThat(a.kind()).isEqualTo(NodeKind.HIDDEN);
                    assertThat(b.activation()).isNotEqualTo(a.activation());
                    activationChanges++;
                }
            }
            if (enabledChanges + activationChanges == 0) {
                assertThat(child).isSameAs(parent);
                assertNothingPossible(parent, s);
            } else {
                assertThat(enabledChanges + activationChanges).isEqualTo(1);
            }
        }
    }

    private static void assertNothingPossible(NeuronGraph g, MutationSettings s) {
        SplittableRandom rng = new SplittableRandom(1);
        assertThat(Mutations.addNode(g, s, rng)).isSameAs(g);
        assertThat(Mutations.addConnection(g, rng)).isSameAs(g);
        assertThat(Mutations.enable(g, rng)).isSameAs(g);
        assertThat(Mutations.changeActivation(g, s, rng)).isSameAs(g);
    }

    private static Connection findPair(NeuronGraph g, int source, int target) {
        for (Connection c : g.connections()) {
            if (c.source() == source && c.target() == target) {
                return c;
            }
        }
        throw new AssertionError("no gene " + source + " → " + target);
    }

    @Property(tries = 50)
    void addConnectionFindsEveryFreePairEventually(@ForAll long seed) {
        // From a genome with one hidden node, repeated add-connection saturates all feed-forward pairs.
        NeuronGraph g = NeuronGraph.initial(2, 1, 1.0, new SplittableRandom(seed));
        g = Mutations.addNode(g, MutationSettings.swingup(), new SplittableRandom(seed));
        SplittableRandom rng = new SplittableRandom(seed);
        List<NeuronGraph> chain = new ArrayList<>();
        for (NeuronGraph next = Mutations.addConnection(g, rng); next != g; next = Mutations.addConnection(g, rng)) {
            chain.add(next);
            g = next;
        }
        // bias + 2 inputs → hidden (3 pairs) and → output (3 pairs), hidden → output: 7 genes.
        assertThat(g.connections()).hasSize(7);
        assertThat(chain).hasSizeLessThanOrEqualTo(3);
    }
}
