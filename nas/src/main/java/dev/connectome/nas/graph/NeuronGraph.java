package dev.connectome.nas.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * An immutable NEAT/WANN genome: one bias node, the task's inputs and outputs, hidden nodes, and
 * connection genes with innovation numbers and enabled flags.
 *
 * <p>Invariants (checked on construction): node ids are unique; there is exactly one bias node, and
 * the declared numbers of inputs and outputs; connections go from a bias/input/hidden node to a
 * hidden/output node, at most one gene per (source, target) pair, innovations are unique; the graph
 * of all genes, enabled or not, is acyclic (WANNRelease orders nodes over disabled genes too, so a
 * re-enabled gene can never close a cycle).
 *
 * <p>{@link #nodes()} is in canonical order: bias, inputs (task order), hidden (insertion order),
 * outputs (task order); {@link #evaluationOrder()} puts the hidden nodes in a topological order.
 */
public final class NeuronGraph {
    private final int inputs;
    private final int outputs;
    private final List<Node> nodes;
    private final List<Connection> connections;
    private final Map<Integer, Integer> indexOfId;
    private final List<Node> evaluationOrder;
    private final List<List<Integer>> layers;
    private final int enabledCount;

    private NeuronGraph(int inputs, int outputs, List<Node> nodes, List<Connection> connections) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.nodes = List.copyOf(canonicalNodeOrder(nodes));
        List<Connection> sorted = new ArrayList<>(connections);
        sorted.sort(Comparator.comparingLong(Connection::innovation));
        this.connections = List.copyOf(sorted);
        this.indexOfId = new HashMap<>();
        for (int i = 0; i < this.nodes.size(); i++) {
            if (indexOfId.put(this.nodes.get(i).id(), i) != null) {
                throw new IllegalArgumentException("duplicate node id " + this.nodes.get(i).id());
            }
        }
        checkCounts();
        int enabled = 0;
        for (Connection c : this.connections) {
            enabled += c.enabled() ? 1 : 0;
        }
        this.enabledCount = enabled;
        checkConnections();
        this.evaluationOrder = computeOrder();
        this.layers = computeLayers();
    }

    /**
     * A validated genome from its parts (any node order; kinds decide the canonical order).
     *
     * @throws IllegalArgumentException naming the offending node or connection when an invariant fails
     */
    public static NeuronGraph of(int inputs, int outputs, List<Node> nodes, List<Connection> connections) {
        return new NeuronGraph(inputs, outputs, nodes, connections);
    }

    /**
     * The WANN initial genome: bias (id 0), inputs (ids 1..inputs), outputs (the next ids), no
     * hidden nodes, all activations linear; every bias/input→output gene present with weight 1 and
     * enabled with probability {@code probEnable}. Innovations number the genes source-major.
     */
    public static NeuronGraph initial(int inputs, int outputs, double probEnable, RandomGenerator rng) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("need at least one input and one output, got " + inputs + " and " + outputs);
        }
        if (!(probEnable >= 0 && probEnable <= 1)) {
            throw new IllegalArgumentException("probEnable must lie in [0, 1], got " + probEnable);
        }
        List<Node> nodes = new ArrayList<>(1 + inputs + outputs);
        nodes.add(new Node(0, NodeKind.BIAS, WannActivation.LINEAR));
        for (int i = 1; i <= inputs; i++) {
            nodes.add(new Node(i, NodeKind.INPUT, WannActivation.LINEAR));
        }
        for (int o = 0; o < outputs; o++) {
            nodes.add(new Node(inputs + 1 + o, NodeKind.OUTPUT, WannActivation.LINEAR));
        }
        List<Connection> conns = new ArrayList<>((inputs + 1) * outputs);
        long innovation = 0;
        for (int s = 0; s <= inputs; s++) {
            for (int o = 0; o < outputs; o++) {
                conns.add(new Connection(innovation++, s, inputs + 1 + o, 1f, rng.nextDouble() < probEnable));
            }
        }
        return new NeuronGraph(inputs, outputs, nodes, conns);
    }

    public int inputCount() {
        return inputs;
    }

    public int outputCount() {
        return outputs;
    }

    /** All nodes in canonical order (bias, inputs, hidden, outputs). */
    public List<Node> nodes() {
        return nodes;
    }

    /** All connection genes, enabled or not, by innovation. */
    public List<Connection> connections() {
        return connections;
    }

    public int enabledConnectionCount() {
        return enabledCount;
    }

    public int hiddenCount() {
        return nodes.size() - 1 - inputs - outputs;
    }

    /** The node with this id. */
    public Node node(int id) {
        Integer i = indexOfId.get(id);
        if (i == null) {
            throw new IllegalArgumentException("no node with id " + id);
        }
        return nodes.get(i);
    }

    public boolean hasNode(int id) {
        return indexOfId.containsKey(id);
    }

    /** Whether a gene (enabled or not) from {@code source} to {@code target} exists. */
    public boolean hasConnection(int source, int target) {
        for (Connection c : connections) {
            if (c.source() == source && c.target() == target) {
                return true;
            }
        }
        return false;
    }

    /** One more than the largest node id (the id a new hidden node gets). */
    public int nextNodeId() {
        int max = -1;
        for (Node n : nodes) {
            max = Math.max(max, n.id());
        }
        return max + 1;
    }

    /** One more than the largest innovation (the innovation a new gene gets). */
    public long nextInnovation() {
        return connections.isEmpty() ? 0 : connections.get(connections.size() - 1).innovation() + 1;
    }

    /**
     * Bias, inputs, hidden nodes in a topological order (over all genes), outputs: the row order of
     * a WANNRelease matrix. Among ready hidden nodes the one earliest in {@link #nodes()} goes first,
     * so a genome read from a {@code .out} file keeps the file's order.
     */
    public List<Node> evaluationOrder() {
        return evaluationOrder;
    }

    /**
     * Feed-forward layers of node ids: layer 0 holds the bias and inputs, a hidden node sits one
     * layer above its highest source (over all genes), and the outputs form the last layer.
     */
    public List<List<Integer>> layers() {
        return layers;
    }

    /** The layer index of every node, by node id (outputs in the last layer). */
    public Map<Integer, Integer> layerOfNode() {
        Map<Integer, Integer> m = new HashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            for (int id : layers.get(l)) {
                m.put(id, l);
            }
        }
        return m;
    }

    /** A genome with the same nodes and these connections. */
    NeuronGraph withConnections(List<Connection> newConnections) {
        return new NeuronGraph(inputs, outputs, nodes, newConnections);
    }

    /** A genome with these nodes and connections. */
    NeuronGraph with(List<Node> newNodes, List<Connection> newConnections) {
        return new NeuronGraph(inputs, outputs, newNodes, newConnections);
    }

    private static List<Node> canonicalNodeOrder(List<Node> given) {
        List<Node> out = new ArrayList<>(given.size());
        for (NodeKind kind : NodeKind.values()) {
            for (Node n : given) {
                if (n.kind() == kind) {
                    out.add(n);
                }
            }
        }
        return out;
    }

    private void checkCounts() {
        int[] counts = new int[NodeKind.values().length];
        for (Node n : nodes) {
            counts[n.kind().ordinal()]++;
        }
        if (counts[NodeKind.BIAS.ordinal()] != 1) {
            throw new IllegalArgumentException("a genome needs exactly one bias node, got " + counts[NodeKind.BIAS.ordinal()]);
        }
        if (inputs < 1 || counts[NodeKind.INPUT.ordinal()] != inputs) {
            throw new IllegalArgumentException("expected " + inputs + " input nodes, got " + counts[NodeKind.INPUT.ordinal()]);
        }
        if (outputs < 1 || counts[NodeKind.OUTPUT.ordinal()] != outputs) {
            throw new IllegalArgumentException("expected " + outputs + " output nodes, got " + counts[NodeKind.OUTPUT.ordinal()]);
        }
    }

    private void checkConnections() {
        Set<Long> innovations = new HashSet<>();
        Set<Long> pairs = new HashSet<>();
        for (Connection c : connections) {
            Integer s = indexOfId.get(c.source());
            Integer t = indexOfId.get(c.target());
            if (s == null || t == null) {
                throw new IllegalArgumentException(c + " refers to a missing node");
            }
            NodeKind sk = nodes.get(s).kind();
            NodeKind tk = nodes.get(t).kind();
            if (sk == NodeKind.OUTPUT) {
                throw new IllegalArgumentException(c + " starts at an output node");
            }
            if (tk == NodeKind.BIAS || tk == NodeKind.INPUT) {
                throw new IllegalArgumentException(c + " ends at a " + tk.name().toLowerCase() + " node");
            }
            if (c.source() == c.target()) {
                throw new IllegalArgumentException(c + " is a self-loop");
            }
            if (!innovations.add(c.innovation())) {
                throw new IllegalArgumentException("duplicate innovation " + c.innovation());
            }
            // Keyed by node positions: dense and distinct, so Long.hashCode spreads them (ids shifted
            // into the high word would collapse to source ^ target and share a few buckets).
            if (!pairs.add((long) s * nodes.size() + t)) {
                throw new IllegalArgumentException("two genes connect " + c.source() + " → " + c.target());
            }
        }
    }

    /** Kahn's algorithm over node positions; fails on a cycle. */
    private List<Node> computeOrder() {
        int n = nodes.size();
        int[] inDegree = new int[n];
        List<List<Integer>> succ = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            succ.add(new ArrayList<>(2));
        }
        for (Connection c : connections) {
            int s = indexOfId.get(c.source());
            int t = indexOfId.get(c.target());
            succ.get(s).add(t);
            inDegree[t]++;
        }
        int firstHidden = 1 + inputs;
        int firstOutput = n - outputs;
        List<Node> order = new ArrayList<>(n);
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < firstHidden; i++) {
            order.add(nodes.get(i));
            for (int t : succ.get(i)) {
                inDegree[t]--;
            }
        }
        for (int i = firstHidden; i < firstOutput; i++) {
            if (inDegree[i] == 0) {
                ready.add(i);
            }
        }
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order.add(nodes.get(i));
            for (int t : succ.get(i)) {
                if (--inDegree[t] == 0 && t < firstOutput) {
                    ready.add(t);
                }
            }
        }
        if (order.size() != firstOutput) {
            List<Integer> stuck = new ArrayList<>();
            for (int i = firstHidden; i < firstOutput; i++) {
                if (inDegree[i] > 0) {
                    stuck.add(nodes.get(i).id());
                }
            }
            throw new IllegalArgumentException("the connections form a cycle through hidden nodes " + stuck);
        }
        order.addAll(nodes.subList(firstOutput, n));
        return Collections.unmodifiableList(order);
    }

    private List<List<Integer>> computeLayers() {
        Map<Integer, List<Integer>> sources = new HashMap<>();
        for (Connection c : connections) {
            sources.computeIfAbsent(c.target(), k -> new ArrayList<>()).add(c.source());
        }
        Map<Integer, Integer> layer = new HashMap<>();
        int top = 0;
        for (Node node : evaluationOrder) {
            if (node.kind() == NodeKind.OUTPUT) {
                break;
            }
            int l = 0;
            if (node.kind() == NodeKind.HIDDEN) {
                for (int s : sources.getOrDefault(node.id(), List.of())) {
                    l = Math.max(l, layer.get(s) + 1);
                }
                l = Math.max(l, 1);
            }
            layer.put(node.id(), l);
            top = Math.max(top, l);
        }
        List<List<Integer>> out = new ArrayList<>();
        for (int l = 0; l <= top + 1; l++) {
            out.add(new ArrayList<>());
        }
        for (Node node : evaluationOrder) {
            out.get(node.kind() == NodeKind.OUTPUT ? top + 1 : layer.get(node.id())).add(node.id());
        }
        List<List<Integer>> frozen = new ArrayList<>(out.size());
        for (List<Integer> l : out) {
            frozen.add(List.copyOf(l));
        }
        return List.copyOf(frozen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NeuronGraph g && inputs == g.inputs && outputs == g.outputs
                && nodes.equals(g.nodes) && connections.equals(g.connections);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {inputs, outputs, nodes, connections});
    }

    @Override
    public String toString() {
        return "NeuronGraph[" + inputs + " inputs, " + outputs + " outputs, " + hiddenCount() + " hidden, "
                + enabledCount + "/" + connections.size() + " connections enabled]";
    }
}
