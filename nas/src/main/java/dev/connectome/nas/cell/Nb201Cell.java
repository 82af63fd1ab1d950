package dev.connectome.nas.cell;

import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One NAS-Bench-201 cell: 4 nodes, node j = Σ_{i<j} op(i→j)(node i), output node 3, so 6 edges.
 * Edges are numbered in architecture-string order: 0:(0→1), 1:(0→2), 2:(1→2), 3:(0→3), 4:(1→3), 5:(2→3).
 * Immutable.
 */
public final class Nb201Cell {

    /** Number of edges. */
    public static final int EDGES = 6;
    private static final int[] FROM = {0, 0, 1, 0, 1, 2};
    private static final int[] TO = {1, 2, 2, 3, 3, 3};
    private static final String FORMAT_HINT =
            "expected |op~0|+|op~0|op~1|+|op~0|op~1|op~2| with op one of " + Nb201Op.labels();

    private final Nb201Op[] ops;

    private Nb201Cell(Nb201Op[] ops) {
        this.ops = ops;
    }

    /** A cell from its 6 edge ops in edge order. */
    public static Nb201Cell of(List<Nb201Op> ops) {
        if (ops.size() != EDGES) {
            throw new IllegalArgumentException("an NB201 cell has 6 edges, got " + ops.size() + " ops");
        }
        Nb201Op[] copy = ops.toArray(new Nb201Op[0]);
        for (Nb201Op op : copy) {
            Objects.requireNonNull(op, "op");
        }
        return new Nb201Cell(copy);
    }

    /** A cell from its 6 edge ops in edge order. */
    public static Nb201Cell of(Nb201Op... ops) {
        return of(Arrays.asList(ops));
    }

    /** Source node of an edge. */
    public static int from(int edge) {
        return FROM[edge];
    }

    /** Target node of an edge. */
    public static int to(int edge) {
        return TO[edge];
    }

    /** The op on an edge (0..5). */
    public Nb201Op op(int edge) {
        return ops[edge];
    }

    /** The 6 ops in edge order. */
    public List<Nb201Op> ops() {
        return List.of(ops);
    }

    /** A copy with one edge changed. */
    public Nb201Cell with(int edge, Nb201Op op) {
        Nb201Op[] copy = ops.clone();
        copy[edge] = Objects.requireNonNull(op, "op");
        return new Nb201Cell(copy);
    }

    /** Base-5 code of the ops, edge 0 most significant: 0..15624. A dense id, not the NB201 index. */
    public int code() {
        int c = 0;
        for (Nb201Op op : ops) {
            c = c * 5 + op.ordinal();
        }
        return c;
    }

    /** The cell with this {@link #code()}. */
    public static Nb201Cell ofCode(int code) {
        if (code < 0 || code >= 15625) {
            throw new IllegalArgumentException("NB201 cell code must be in 0..15624, got " + code);
        }
        Nb201Op[] ops = new Nb201Op[EDGES];
        for (int e = EDGES - 1; e >= 0; e--) {
            ops[e] = Nb201Op.ofIndex(code % 5);
            code /= 5;
        }
        return new Nb201Cell(ops);
    }

    /** The standard architecture string {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}. */
    public String format() {
        StringBuilder sb = new StringBuilder(96);
        for (int e = 0; e < EDGES; e++) {
            if (e > 0 && FROM[e] == 0) {
                sb.append('+');
            }
            sb.append('|').append(ops[e].label()).append('~').append(FROM[e]);
            if (e == EDGES - 1 || FROM[e + 1] == 0) {
                sb.append('|');
            }
        }
        return sb.toString();
    }

    /** Parses the standard architecture string; {@link UnknownArchitectureException} quoting it otherwise. */
    public static Nb201Cell parse(String text) {
        if (text == null) {
            throw new UnknownArchitectureException("unknown NB201 architecture string: null; " + FORMAT_HINT);
        }
        String s = text.trim();
        if (s.length() < 2 || !s.startsWith("|") || !s.endsWith("|")) {
            throw unknown(text, "it must start and end with '|'");
        }
        String[] groups = s.substring(1, s.length() - 1).split("\\|\\+\\|", -1);
        if (groups.length != 3) {
            throw unknown(text, "it needs 3 node groups joined by '+', found " + groups.length);
        }
        Nb201Op[] ops = new Nb201Op[EDGES];
        int edge = 0;
        for (int node = 1; node <= 3; node++) {
            String[] entries = groups[node - 1].split("\\|", -1);
            if (entries.length != node) {
                throw unknown(text, "node " + node + " needs " + node + " inputs, found " + entries.length);
            }
            for (int i = 0; i < node; i++) {
                String entry = entries[i];
                int tilde = entry.lastIndexOf('~');
                if (tilde < 0) {
                    throw unknown(text, "'" + entry + "' lacks '~input'");
                }
                Nb201Op op = Nb201Op.ofLabelOrNull(entry.substring(0, tilde));
                if (op == null) {
                    throw unknown(text, "unknown op '" + entry.substring(0, tilde) + "'");
                }
                if (!entry.substring(tilde + 1).equals(Integer.toString(i))) {
                    throw unknown(text, "'" + entry + "' should read from node " + i);
                }
                ops[edge++] = op;
            }
        }
        return new Nb201Cell(ops);
    }

    private static UnknownArchitectureException unknown(String text, String why) {
        return new UnknownArchitectureException("unknown NB201 architecture string '" + text + "': " + why + "; " + FORMAT_HINT);
    }

    /**
     * The isomorphism-canonical form of the NB201 table's UniqueString column (NATS-Bench
     * {@code Structure.to_unique_str(consider_zero=True)} semantics, reimplemented): node 0 is "0"; an edge
     * gives "#" when its op is none or its input is "#", its input's string for skip_connect, else
     * "(input)@op"; a node joins its edges' strings sorted, with '+'. Result: node 3's string.
     * Equal on exactly the cells the table marks as the same (checked on all 15,625 rows).
     */
    public String uniqueString() {
        String[] node = new String[4];
        node[0] = "0";
        int edge = 0;
        for (int j = 1; j <= 3; j++) {
            List<String> parts = new ArrayList<>(j);
            for (int i = 0; i < j; i++) {
                Nb201Op op = ops[edge++];
                String in = node[i];
                if (op == Nb201Op.NONE || in.equals("#")) {
                    parts.add("#");
                } else if (op == Nb201Op.SKIP_CONNECT) {
                    parts.add(in);
                } else {
                    parts.add("(" + in + ")@" + op.label());
                }
            }
            parts.sort(null); // String.compareTo is UTF-16 order = Python's sort on these ASCII strings
            node[j] = String.join("+", parts);
        }
        return node[3];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nb201Cell c && Arrays.equals(ops, c.ops);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ops);
    }

    @Override
    public String toString() {
        return format();
    }
}
