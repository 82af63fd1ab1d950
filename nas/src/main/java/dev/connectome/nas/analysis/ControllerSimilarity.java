package dev.connectome.nas.analysis;

import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * An intuitive similarity of two architectures given as token sequences, to correlate with the
 * distance of their controller embeddings (seed 002: "activations in common", "connections in
 * common"). Larger means more alike.
 *
 * @param name     shown in tables
 * @param function similarity of two token sequences
 */
public record ControllerSimilarity(String name, ToDoubleBiFunction<int[], int[]> function) {

    /** Number of positions with the same token (for NB201: edges with the same op). */
    public static ControllerSimilarity sharedTokens() {
        return new ControllerSimilarity("shared choices", (a, b) -> {
            int n = 0;
            for (int i = 0; i < a.length; i++) {
                n += a[i] == b[i] ? 1 : 0;
            }
            return n;
        });
    }

    /**
     * Number of positions where both sequences have a "connection": a token other than
     * {@code absent} (for NB201, op index 0 = none, so: edges present in both cells).
     */
    public static ControllerSimilarity sharedConnections(int absent) {
        return new ControllerSimilarity("shared connections", (a, b) -> {
            int n = 0;
            for (int i = 0; i < a.length; i++) {
                n += a[i] != absent && b[i] != absent ? 1 : 0;
            }
            return n;
        });
    }

    /** Number of positions where both sequences chose {@code token} (e.g. a given op or activation). */
    public static ControllerSimilarity sharedToken(String name, int token) {
        return new ControllerSimilarity(name, (a, b) -> {
            int n = 0;
            for (int i = 0; i < a.length; i++) {
                n += a[i] == token && b[i] == token ? 1 : 0;
            }
            return n;
        });
    }

    /** The measures used for NB201 cells (op 0 = none, 1 = skip, 2 = conv1x1, 3 = conv3x3, 4 = avgpool). */
    public static List<ControllerSimilarity> nb201() {
        return List.of(sharedTokens(), sharedConnections(0), sharedToken("shared conv3x3", 3),
                sharedToken("shared skips", 1));
    }
}
