package dev.connectome.nas.cell;

import dev.connectome.nas.space.SearchSpace;
import dev.connectome.nas.space.TokenView;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The NAS-Bench-201 cell space (15,625 cells): uniform sampling, one-edge mutation, the table's
 * UniqueString as canonical key, and a token view of 6 decisions with 5 options each.
 */
public final class Nb201Space implements SearchSpace<Nb201Cell> {

    private static final List<Integer> CHOICES = Collections.nCopies(Nb201Cell.EDGES, Nb201Op.values().length);

    private final TokenView<Nb201Cell> tokens = new TokenView<>() {
        @Override
        public List<Integer> choices() {
            return CHOICES;
        }

        @Override
        public String label(int position, int option) {
            return Nb201Op.ofIndex(option).label();
        }

        @Override
        public int[] encode(Nb201Cell cell) {
            int[] t = new int[Nb201Cell.EDGES];
            for (int e = 0; e < t.length; e++) {
                t[e] = cell.op(e).ordinal();
            }
            return t;
        }

        @Override
        public Nb201Cell decode(int[] tokens) {
            if (tokens.length != Nb201Cell.EDGES) {
                throw new IllegalArgumentException("an NB201 token sequence has 6 tokens, got " + tokens.length);
            }
            Nb201Op[] ops = new Nb201Op[tokens.length];
            for (int e = 0; e < ops.length; e++) {
                ops[e] = Nb201Op.ofIndex(tokens[e]);
            }
            return Nb201Cell.of(ops);
        }
    };

    @Override
    public String id() {
        return "nb201";
    }

    /** Each edge's op uniform and independent, so every cell has probability 1/15625. */
    @Override
    public Nb201Cell sample(RandomGenerator rng) {
        Nb201Op[] ops = new Nb201Op[Nb201Cell.EDGES];
        for (int e = 0; e < ops.length; e++) {
            ops[e] = Nb201Op.ofIndex(rng.nextInt(5));
        }
        return Nb201Cell.of(ops);
    }

    /** One uniformly chosen edge gets one of the 4 other ops, uniformly (as in NB201's REA baseline). */
    @Override
    public Nb201Cell mutate(Nb201Cell parent, RandomGenerator rng) {
        int edge = rng.nextInt(Nb201Cell.EDGES);
        int op = (parent.op(edge).ordinal() + 1 + rng.nextInt(4)) % 5;
        return parent.with(edge, Nb201Op.ofIndex(op));
    }

    @Override
    public String key(Nb201Cell cell) {
        return cell.uniqueString();
    }

    @Override
    public String format(Nb201Cell cell) {
        return cell.format();
    }

    @Override
    public Nb201Cell parse(String text) {
        return Nb201Cell.parse(text);
    }

    @Override
    public TokenView<Nb201Cell> tokens() {
        return tokens;
    }
}
