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
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(op + ": shapes differ, " + a + " and " + b);
        }
    }
}
