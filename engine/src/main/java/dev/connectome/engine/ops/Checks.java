package dev.connectome.engine.ops;

import dev.connectome.engine.Tensor;
import java.util.Arrays;

/** Argument checks shared by the ops, with messages that name the op and the shapes. */
final class Checks {
    private Checks() {
    }

    static void rank(Tensor t, int rank, String op) {
        if (t.rank() != rank) {
            throw new IllegalArgumentException(op + ": expected a rank-" + rank + " tensor, got " + t);
        }
    }

    static void sameShape(Tensor a, Tensor b, String op) {
        if (!a.hasShape(b.shape())) {
            throw new IllegalArgumentException(op + ": shapes differ, " + a + " and " + b);
        }
    }

    static void constant(Tensor t, String what, String op) {
        if (t.requiresGrad()) {
            throw new IllegalArgumentException(op + ": " + what + " must be a constant (no gradient), got " + t);
        }
    }

    static void finite(float v, String what, String op) {
        if (!Float.isFinite(v)) {
            throw new IllegalArgumentException(op + ": " + what + " must be finite, got " + v);
        }
    }

    /** Whether {@code b} is a bias row for 2-D {@code a}: shape [cols] or [1, cols]. */
    static boolean isRowOf(Tensor a, Tensor b) {
        if (a.rank() != 2) {
            return false;
        }
        int cols = a.dim(1);
        return b.hasShape(cols) || b.hasShape(1, cols);
    }

    static String shape(Tensor t) {
        return Arrays.toString(t.shape());
    }
}
