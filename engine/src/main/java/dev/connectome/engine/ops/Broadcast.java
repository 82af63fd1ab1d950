package dev.connectome.engine.ops;

import dev.connectome.engine.Tensor;
import dev.connectome.engine.kernel.VectorOps;

/**
 * How a binary op's second operand {@code b} lines up with its first {@code a}. The output always has
 * a's shape. a is walked as {@code rows × cols}; element (r, c) of a meets {@code b[c·step]}:
 * <ul>
 *   <li>same shape: rows = 1, cols = size, step = 1;</li>
 *   <li>bias row ([cols] or [1, cols] against 2-D a): a's rows and cols, step = 1;</li>
 *   <li>one-element b: rows = 1, cols = size, step = 0.</li>
 * </ul>
 */
record Broadcast(Kind kind, int rows, int cols, int step) {
    enum Kind { SAME, ROW, SCALAR }

    static Broadcast of(Tensor a, Tensor b, String op) {
        int n = a.size();
        if (a.hasShape(b.shape())) {
            return new Broadcast(Kind.SAME, 1, n, 1);
        }
        if (Checks.isRowOf(a, b)) {
            return new Broadcast(Kind.ROW, a.dim(0), a.dim(1), 1);
        }
        if (b.size() == 1) {
            return new Broadcast(Kind.SCALAR, 1, n, 0);
        }
        throw new IllegalArgumentException(op + ": cannot broadcast " + Checks.shape(b) + " onto " + Checks.shape(a)
                + "; the second operand must have the first's shape, be a row [cols] or [1, cols] of a 2-D first"
                + " operand, or have one element");
    }

    /** Index of b met by flat index i of a. */
    int bIndex(int i) {
        return kind == Kind.SAME ? i : kind == Kind.ROW ? i % cols : 0;
    }

    /**
     * {@code gb += reduce(contrib)}: adds per-element contributions (a's shape) into b's gradient,
     * summing over the broadcast dimension.
     */
    void accumulate(float[] contrib, float[] gb) {
        switch (kind) {
            case SAME -> VectorOps.axpy(1f, contrib, gb, cols);
            case ROW -> VectorOps.sumRowsInto(contrib, gb, rows, cols);
            case SCALAR -> {
                double s = 0; // double: a scalar's gradient sums the whole tensor
                for (int i = 0; i < cols; i++) {
                    s += contrib[i];
                }
                gb[0] += (float) s;
            }
        }
    }
}
