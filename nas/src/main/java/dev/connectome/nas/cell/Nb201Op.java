package dev.connectome.nas.cell;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The five NAS-Bench-201 edge operations, in the benchmark's own order (ordinal = its op index). */
public enum Nb201Op {
    /** The zero tensor: the edge is absent. */
    NONE("none"),
    /** Identity. */
    SKIP_CONNECT("skip_connect"),
    /** ReLU → Conv 1×1 → BatchNorm. */
    NOR_CONV_1X1("nor_conv_1x1"),
    /** ReLU → Conv 3×3 (padding 1) → BatchNorm. */
    NOR_CONV_3X3("nor_conv_3x3"),
    /** Average pool 3×3, stride 1, padding 1, padding not counted. */
    AVG_POOL_3X3("avg_pool_3x3");

    private static final Nb201Op[] VALUES = values();

    private final String label;

    Nb201Op(String label) {
        this.label = label;
    }

    /** The name used in architecture strings. */
    public String label() {
        return label;
    }

    /** The op with this ordinal. */
    public static Nb201Op ofIndex(int index) {
        if (index < 0 || index >= VALUES.length) {
            throw new IllegalArgumentException("NB201 op index must be in 0..4, got " + index);
        }
        return VALUES[index];
    }

    /** The op named {@code label} as in architecture strings, or null if none is. */
    static Nb201Op ofLabelOrNull(String label) {
        for (Nb201Op op : VALUES) {
            if (op.label.equals(label)) {
                return op;
            }
        }
        return null;
    }

    /** All labels, comma separated, for error messages. */
    static String labels() {
        return Arrays.stream(VALUES).map(Nb201Op::label).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return label;
    }
}
