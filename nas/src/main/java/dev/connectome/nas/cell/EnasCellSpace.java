package dev.connectome.nas.cell;

import dev.connectome.nas.cell.EnasCell.Activation;
import dev.connectome.nas.space.SearchSpace;
import dev.connectome.nas.space.TokenView;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The ENAS cell space with N computing nodes: per node, which earlier node to read (j options for
 * node j) and which of 4 activations to apply; (N!)·4^N cells. Token view: for each node its input
 * then its activation, 2N decisions. Input decisions of different nodes have different option sets
 * (so their own heads), activation decisions share one type (one head), as in ENAS.
 */
public final class EnasCellSpace implements SearchSpace<EnasCell> {
    private static final Activation[] ACTS = Activation.values();
    private final int nodes;
    private final List<Integer> choices;

    public EnasCellSpace(int nodes) {
        if (nodes < 1) {
            throw new IllegalArgumentException("an ENAS cell needs at least one node, got " + nodes);
        }
        this.nodes = nodes;
        List<Integer> c = new ArrayList<>();
        for (int j = 1; j <= nodes; j++) {
            c.add(j);
            c.add(ACTS.length);
        }
        this.choices = List.copyOf(c);
    }

    public int nodes() {
        return nodes;
    }

    @Override
    public String id() {
        return "enas";
    }

    @Override
    public EnasCell sample(RandomGenerator rng) {
        int[] t = new int[2 * nodes];
        for (int i = 0; i < t.length; i++) {
            t[i] = rng.nextInt(choices.get(i));
        }
        return tokens.decode(t);
    }

    /** One decision with more than one option moves to another option, uniformly. */
    @Override
    public EnasCell mutate(EnasCell parent, RandomGenerator rng) {
        int[] t = tokens.encode(parent);
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (choices.get(i) > 1) {
                free.add(i);
            }
        }
        int p = free.get(rng.nextInt(free.size()));
        t[p] = (t[p] + 1 + rng.nextInt(choices.get(p) - 1)) % choices.get(p);
        return tokens.decode(t);
    }

    @Override
    public String key(EnasCell cell) {
        return cell.format();
    }

    @Override
    public String format(EnasCell cell) {
        return cell.format();
    }

    @Override
    public EnasCell parse(String text) {
        EnasCell c = EnasCell.parse(text);
        if (c.nodes() != nodes) {
            throw new dev.connectome.nas.space.UnknownArchitectureException("'" + text + "' has " + c.nodes()
                    + " nodes, this space " + nodes);
        }
        return c;
    }

    @Override
    public TokenView<EnasCell> tokens() {
        return tokens;
    }

    private final TokenView<EnasCell> tokens = new TokenView<>() {
        @Override
        public List<Integer> choices() {
            return choices;
        }

        @Override
        public String label(int position, int option) {
            return position % 2 == 0 ? "node " + option : ACTS[option].label();
        }

        @Override
        public int[] encode(EnasCell cell) {
            if (cell.nodes() != nodes) {
                throw new IllegalArgumentException("cell has " + cell.nodes() + " nodes, the space " + nodes);
            }
            int[] t = new int[2 * nodes];
            for (int j = 0; j < nodes; j++) {
                t[2 * j] = cell.inputs()[j];
                t[2 * j + 1] = cell.activations()[j].ordinal();
            }
            return t;
        }

        @Override
        public EnasCell decode(int[] t) {
            if (t.length != 2 * nodes) {
                throw new IllegalArgumentException("an ENAS cell of " + nodes + " nodes has " + 2 * nodes + " tokens, got "
                        + t.length);
            }
            int[] in = new int[nodes];
            Activation[] act = new Activation[nodes];
            for (int j = 0; j < nodes; j++) {
                if (t[2 * j + 1] < 0 || t[2 * j + 1] >= ACTS.length) {
                    throw new IllegalArgumentException("activation token " + t[2 * j + 1] + " at position " + (2 * j + 1)
                            + " is outside [0, 4)");
                }
                in[j] = t[2 * j];
                act[j] = ACTS[t[2 * j + 1]];
            }
            return new EnasCell(in, act);
        }
    };
}
