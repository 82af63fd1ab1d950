package dev.connectome.nas.cell;

import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A cell of the ENAS recurrent-cell space (Pham et al. 2018, controller-nas.md): node 0 is the cell's
 * input; every node j = 1..N takes one earlier node as its input and applies one activation; the leaves
 * (nodes no other node reads) are averaged into the cell output. Text form: one {@code PREV:ACT} per
 * node, comma-separated, e.g. {@code 0:tanh,1:relu,1:identity}.
 *
 * @param inputs      for node j (index j−1), the earlier node it reads, in [0, j−1]
 * @param activations for node j (index j−1), its activation
 */
public record EnasCell(int[] inputs, Activation[] activations) {

    /** The activations a node may use, in token order. */
    public enum Activation {
        TANH("tanh"), RELU("relu"), SIGMOID("sigmoid"), IDENTITY("identity");

        private final String label;

        Activation(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Activation parse(String s) {
            for (Activation a : values()) {
                if (a.label.equals(s)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown activation '" + s + "'");
        }
    }

    public EnasCell {
        inputs = inputs.clone();
        activations = activations.clone();
        if (inputs.length == 0 || inputs.length != activations.length) {
            throw new IllegalArgumentException("an ENAS cell needs one input and one activation per node, got "
                    + inputs.length + " and " + activations.length);
        }
        for (int j = 1; j <= inputs.length; j++) {
            if (inputs[j - 1] < 0 || inputs[j - 1] >= j) {
                throw new IllegalArgumentException("node " + j + " must read a node in [0, " + (j - 1) + "], got "
                        + inputs[j - 1]);
            }
        }
    }

    /** Number of computing nodes N. */
    public int nodes() {
        return inputs.length;
    }

    @Override
    public int[] inputs() {
        return inputs.clone();
    }

    @Override
    public Activation[] activations() {
        return activations.clone();
    }

    /** The nodes (1..N) that no other node reads; their average is the cell output. */
    public List<Integer> leaves() {
        boolean[] read = new boolean[inputs.length + 1];
        for (int p : inputs) {
            read[p] = true;
        }
        List<Integer> out = new ArrayList<>();
        for (int j = 1; j <= inputs.length; j++) {
            if (!read[j]) {
                out.add(j);
            }
        }
        return out;
    }

    public String format() {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < inputs.length; j++) {
            b.append(j == 0 ? "" : ",").append(inputs[j]).append(':').append(activations[j].label());
        }
        return b.toString();
    }

    /** Reads {@link #format()}; UnknownArchitectureException quoting the text and the bad node. */
    public static EnasCell parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnknownArchitectureException("empty ENAS cell");
        }
        String[] parts = text.strip().split(",");
        int[] in = new int[parts.length];
        Activation[] act = new Activation[parts.length];
        for (int j = 0; j < parts.length; j++) {
            try {
                String[] pa = parts[j].split(":", 2);
                in[j] = Integer.parseInt(pa[0].strip());
                act[j] = Activation.parse(pa[1].strip());
            } catch (RuntimeException e) {
                throw new UnknownArchitectureException("'" + text + "' is not an ENAS cell: bad node " + (j + 1) + " '"
                        + parts[j] + "' (expected PREV:ACT with ACT in tanh, relu, sigmoid, identity)");
            }
        }
        try {
            return new EnasCell(in, act);
        } catch (IllegalArgumentException e) {
            throw new UnknownArchitectureException("'" + text + "' is not an ENAS cell: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnasCell c && Arrays.equals(inputs, c.inputs) && Arrays.equals(activations, c.activations);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(inputs) + Arrays.hashCode(activations);
    }

    @Override
    public String toString() {
        return format();
    }
}
