package dev.connectome.nas.space;

import java.util.List;

/**
 * A search space seen as a fixed sequence of categorical decisions: position i takes one of
 * {@code choices().get(i)} values. Controllers (REINFORCE, ENAS) emit such sequences.
 *
 * @param <A> the architecture type
 */
public interface TokenView<A> {

    /** For each decision, the number of options (all &gt;= 1). */
    List<Integer> choices();

    /** Human-readable name of option {@code option} at decision {@code position}. */
    String label(int position, int option);

    /** The decisions that make {@code architecture}; {@code decode(encode(a)).equals(a)}. */
    int[] encode(A architecture);

    /** The architecture for a decision sequence; IllegalArgumentException if a token is out of range. */
    A decode(int[] tokens);
}
