package dev.connectome.nas.wann;

import dev.connectome.nas.graph.Connection;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.Node;
import dev.connectome.nas.graph.NodeKind;
import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.ArrayList;
import java.util.List;

/**
 * A compact, exact text form of a {@link NeuronGraph} (innovations, node ids, weights and enabled flags
 * kept), for study stores and strategy snapshots.
 *
 * <p>Form: {@code in=I;out=O;init=HEX;nodes=ID:ACT,...;conns=INNOV:SRC>TGT[:WEIGHT][:d],...}.
 * WANN genomes carry every initial bias/input→output gene (innovations 0..(I+1)·O−1, source-major,
 * weight 1) and differ mostly in which are enabled, so those genes are stored as a hex bit mask
 * ({@code init}); this keeps MNIST256 genomes (2,570 initial genes) near a kilobyte. Bias, input and
 * output nodes are implied by the counts; only hidden nodes and non-linear activations are listed
 * in {@code nodes} (a graph with other ids lists every node under {@code allnodes}). A graph without
 * the standard initial genes is written with {@code init=-} and all genes listed.
 */
public final class GenomeText {

    private GenomeText() {
    }

    /** The text form of {@code g}. */
    public static String format(NeuronGraph g) {
        int in = g.inputCount();
        int out = g.outputCount();
        List<Connection> conns = g.connections();
        boolean standardInit = hasStandardInit(g);
        int initCount = standardInit ? (in + 1) * out : 0;
        StringBuilder sb = new StringBuilder();
        sb.append("in=").append(in).append(";out=").append(out).append(";init=");
        if (standardInit) {
            char[] hex = new char[(initCount + 3) / 4];
            for (int i = 0; i < hex.length; i++) {
                int nibble = 0;
                for (int b = 0; b < 4; b++) {
                    int k = i * 4 + b;
                    if (k < initCount && conns.get(k).enabled()) {
                        nibble |= 1 << b;
                    }
                }
                hex[i] = Character.forDigit(nibble, 16);
            }
            sb.append(hex);
        } else {
            sb.append('-');
        }
        boolean standardIds = hasStandardIds(g);
        sb.append(standardIds ? ";nodes=" : ";allnodes=");
        boolean first = true;
        for (Node n : g.nodes()) {
            if (!standardIds || n.kind() == NodeKind.HIDDEN || n.activation() != 1) {
                sb.append(first ? "" : ",").append(kindLetter(n.kind())).append(n.id()).append(':').append(n.activation());
                first = false;
            }
        }
        sb.append(";conns=");
        first = true;
        for (int k = initCount; k < conns.size(); k++) {
            Connection c = conns.get(k);
            sb.append(first ? "" : ",").append(c.innovation()).append(':').append(c.source()).append('>').append(c.target());
            if (c.weight() != 1f) {
                sb.append(':').append(Float.toString(c.weight()));
            }
            if (!c.enabled()) {
                sb.append(":d");
            }
            first = false;
        }
        return sb.toString();
    }

    /** Reads {@link #format} back; {@link UnknownArchitectureException} naming the text when malformed. */
    public static NeuronGraph parse(String text) {
        try {
            String[] parts = text.split(";", -1);
            if (parts.length != 5 || !parts[0].startsWith("in=") || !parts[1].startsWith("out=")
                    || !parts[2].startsWith("init=") || !(parts[3].startsWith("nodes=") || parts[3].startsWith("allnodes=")) || !parts[4].startsWith("conns=")) {
                throw new IllegalArgumentException("expected in=;out=;init=;nodes=;conns=");
            }
            int in = Integer.parseInt(parts[0].substring(3));
            int out = Integer.parseInt(parts[1].substring(4));
            String init = parts[2].substring(5);
            boolean standardIds = parts[3].startsWith("nodes=");
            java.util.Map<Integer, Node> nodes = new java.util.LinkedHashMap<>();
            if (standardIds) {
                nodes.put(0, new Node(0, NodeKind.BIAS, 1));
                for (int i = 1; i <= in + out; i++) {
                    nodes.put(i, new Node(i, i <= in ? NodeKind.INPUT : NodeKind.OUTPUT, 1));
                }
            }
            String nodeList = parts[3].substring(parts[3].indexOf('=') + 1);
            if (!nodeList.isEmpty()) {
                for (String s : nodeList.split(",")) {
                    String[] f = s.substring(1).split(":");
                    Node n = new Node(Integer.parseInt(f[0]), kindOf(s.charAt(0)), Integer.parseInt(f[1]));
                    nodes.put(n.id(), n);
                }
            }
            List<Connection> conns = new ArrayList<>();
            if (!init.equals("-")) {
                int k = 0;
                for (int s = 0; s <= in; s++) {
                    for (int o = 0; o < out; o++, k++) {
                        int nibble = Character.digit(init.charAt(k / 4), 16);
                        if (nibble < 0) {
                            throw new IllegalArgumentException("bad hex digit in init mask");
                        }
                        conns.add(new Connection(k, s, in + 1 + o, 1f, (nibble >> (k % 4) & 1) != 0));
                    }
                }
            }
            String connList = parts[4].substring(6);
            if (!connList.isEmpty()) {
                for (String s : connList.split(",")) {
                    String[] f = s.split(":");
                    String[] ends = f[1].split(">");
                    float w = 1f;
                    boolean enabled = true;
                    for (int i = 2; i < f.length; i++) {
                        if (f[i].equals("d")) {
                            enabled = false;
                        } else {
                            w = Float.parseFloat(f[i]);
                        }
                    }
                    conns.add(new Connection(Long.parseLong(f[0]), Integer.parseInt(ends[0]), Integer.parseInt(ends[1]), w, enabled));
                }
            }
            return NeuronGraph.of(in, out, new ArrayList<>(nodes.values()), conns);
        } catch (RuntimeException e) {
            throw new UnknownArchitectureException("not a WANN genome (" + e.getMessage() + "): " + abbreviate(text));
        }
    }

    /** Bias 0, inputs 1..I, outputs I+1..I+O, hidden nodes above. */
    private static boolean hasStandardIds(NeuronGraph g) {
        int in = g.inputCount();
        int out = g.outputCount();
        for (Node n : g.nodes()) {
            boolean ok = switch (n.kind()) {
                case BIAS -> n.id() == 0;
                case INPUT -> n.id() >= 1 && n.id() <= in;
                case OUTPUT -> n.id() > in && n.id() <= in + out;
                case HIDDEN -> n.id() > in + out;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasStandardInit(NeuronGraph g) {
        int in = g.inputCount();
        int out = g.outputCount();
        List<Connection> conns = g.connections();
        if (conns.size() < (in + 1) * out || !hasStandardIds(g)) {
            return false;
        }
        int k = 0;
        for (int s = 0; s <= in; s++) {
            for (int o = 0; o < out; o++, k++) {
                Connection c = conns.get(k);
                if (c.innovation() != k || c.source() != s || c.target() != in + 1 + o || c.weight() != 1f) {
                    return false;
                }
            }
        }
        return true;
    }

    private static char kindLetter(NodeKind k) {
        return switch (k) {
            case BIAS -> 'b';
            case INPUT -> 'i';
            case HIDDEN -> 'h';
            case OUTPUT -> 'o';
        };
    }

    private static NodeKind kindOf(char c) {
        return switch (c) {
            case 'b' -> NodeKind.BIAS;
            case 'i' -> NodeKind.INPUT;
            case 'h' -> NodeKind.HIDDEN;
            case 'o' -> NodeKind.OUTPUT;
            default -> throw new IllegalArgumentException("unknown node kind '" + c + "'");
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
