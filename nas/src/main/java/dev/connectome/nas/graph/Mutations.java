package dev.connectome.nas.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * WANN's topological mutations (WANNRelease WANN/wann_src/ind.py topoMutate). Each returns a new
 * genome, or {@code g} itself when the mutation is impossible (nothing to split, enable or change,
 * no free feed-forward pair). New genes take the genome's next innovation numbers and new nodes
 * its next node id (no population-wide innovation record: crossover is off in WANN).
 */
public final class Mutations {
    private Mutations() {
    }

    /**
     * Exactly one mutation chosen by roulette over the settings' weights. When the chosen one is
     * impossible the roulette is spun again over the remaining ones (WANNRelease would return the
     * parent unchanged, wasting the child); {@code g} comes back only when none is possible.
     */
    public static NeuronGraph mutate(NeuronGraph g, MutationSettings s, RandomGenerator rng) {
        double[] w = s.weights();
        for (int attempt = 0; attempt < w.length; attempt++) {
            double total = 0;
            for (double x : w) {
                total += x;
            }
            if (total <= 0) {
                break;
            }
            double r = rng.nextDouble() * total;
            int pick = 0;
            while (pick < w.length - 1 && (r >= w[pick] || w[pick] == 0)) {
                r -= w[pick];
                pick++;
            }
            if (w[pick] == 0) { // rounding at the top end: take the last positive weight
                pick = w.length - 1;
                while (w[pick] == 0) {
                    pick--;
                }
            }
            NeuronGraph child = switch (pick) {
                case 0 -> addConnection(g, rng);
                case 1 -> addNode(g, s, rng);
                case 2 -> enable(g, rng);
                default -> changeActivation(g, s, rng);
            };
            if (child != g) {
                return child;
            }
            w[pick] = 0;
        }
        return g;
    }

    /**
     * Splits a uniformly chosen enabled connection a→b: a new hidden node n with a random activation
     * from the range, a→n with weight 1, n→b with the old weight, and a→b disabled.
     */
    public static NeuronGraph addNode(NeuronGraph g, MutationSettings s, RandomGenerator rng) {
        List<Connection> conns = g.connections();
        int enabled = g.enabledConnectionCount();
        if (enabled == 0) {
            return g;
        }
        int k = rng.nextInt(enabled);
        int split = -1;
        for (int i = 0; i < conns.size(); i++) {
            if (conns.get(i).enabled() && k-- == 0) {
                split = i;
                break;
            }
        }
        Connection old = conns.get(split);
        int id = g.nextNodeId();
        long innovation = g.nextInnovation();
        List<Node> nodes = new ArrayList<>(g.nodes());
        nodes.add(new Node(id, NodeKind.HIDDEN, s.activation(rng.nextInt(s.activationCount()))));
        List<Connection> next = new ArrayList<>(conns);
        next.set(split, old.withEnabled(false));
        next.add(new Connection(innovation, old.source(), id, 1f, true));
        next.add(new Connection(innovation + 1, id, old.target(), old.weight(), true));
        return g.with(nodes, next);
    }

    /**
     * Adds one new enabled connection (weight 1) from a node to a node in a higher feed-forward
     * layer (outputs being the last layer), as WANN does: sources are tried in random order, and the
     * first with any unconnected higher-layer target gets a uniformly chosen one.
     */
    public static NeuronGraph addConnection(NeuronGraph g, RandomGenerator rng) {
        Map<Integer, Integer> layer = g.layerOfNode();
        Set<Long> existing = new HashSet<>();
        for (Connection c : g.connections()) {
            existing.add(pair(c.source(), c.target()));
        }
        List<Node> sources = new ArrayList<>();
        for (Node n : g.nodes()) {
            if (n.kind() != NodeKind.OUTPUT) {
                sources.add(n);
            }
        }
        for (int i = sources.size() - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            Node t = sources.get(i);
            sources.set(i, sources.get(j));
            sources.set(j, t);
        }
        List<Node> targets = new ArrayList<>();
        for (Node src : sources) {
            int l = layer.get(src.id());
            targets.clear();
            for (Node dst : g.nodes()) {
                if ((dst.kind() == NodeKind.HIDDEN || dst.kind() == NodeKind.OUTPUT) && layer.get(dst.id()) > l
                        && !existing.contains(pair(src.id(), dst.id()))) {
                    targets.add(dst);
                }
            }
            if (!targets.isEmpty()) {
                Node dst = targets.get(rng.nextInt(targets.size()));
                List<Connection> next = new ArrayList<>(g.connections());
                next.add(new Connection(g.nextInnovation(), src.id(), dst.id(), 1f, true));
                return g.withConnections(next);
            }
        }
        return g;
    }

    /** Enables a uniformly chosen disabled connection. */
    public static NeuronGraph enable(NeuronGraph g, RandomGenerator rng) {
        List<Connection> conns = g.connections();
        int disabled = conns.size() - g.enabledConnectionCount();
        if (disabled == 0) {
            return g;
        }
        int k = rng.nextInt(disabled);
        for (int i = 0; i < conns.size(); i++) {
            if (!conns.get(i).enabled() && k-- == 0) {
                List<Connection> next = new ArrayList<>(conns);
                next.set(i, conns.get(i).withEnabled(true));
                return g.withConnections(next);
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Gives a uniformly chosen hidden node a different activation from the range. */
    public static NeuronGraph changeActivation(NeuronGraph g, MutationSettings s, RandomGenerator rng) {
        List<Integer> candidates = new ArrayList<>();
        List<Node> nodes = g.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.kind() == NodeKind.HIDDEN && hasOther(s, n.activation())) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return g;
        }
        int i = candidates.get(rng.nextInt(candidates.size()));
        Node n = nodes.get(i);
        List<Integer> choices = new ArrayList<>();
        for (int a = 0; a < s.activationCount(); a++) {
            if (s.activation(a) != n.activation() && !choices.contains(s.activation(a))) {
                choices.add(s.activation(a));
            }
        }
        List<Node> next = new ArrayList<>(nodes);
        next.set(i, n.withActivation(choices.get(rng.nextInt(choices.size()))));
        return g.with(next, g.connections());
    }

    private static boolean hasOther(MutationSettings s, int activation) {
        for (int a = 0; a < s.activationCount(); a++) {
            if (s.activation(a) != activation) {
                return true;
            }
        }
        return false;
    }

    private static long pair(int source, int target) {
        return ((long) source << 32) ^ (target & 0xffffffffL);
    }
}
