package dev.connectome.nas.space;

import java.util.random.RandomGenerator;

/**
 * A set of candidate architectures: how to draw one, change one, name one and read one back.
 *
 * @param <A> the (immutable) architecture type
 */
public interface SearchSpace<A> {

    /** Short id stored with studies, e.g. "nb201". */
    String id();

    /** A candidate drawn from the space's prior (uniform unless documented otherwise). */
    A sample(RandomGenerator rng);

    /** A new candidate that differs from {@code parent} by one small change; never equal to it. */
    A mutate(A parent, RandomGenerator rng);

    /** Canonical key: two candidates that compute the same function share a key. */
    String key(A architecture);

    /** The candidate's text form; {@code parse(format(a)).equals(a)}. */
    String format(A architecture);

    /** Reads a text form back; {@link UnknownArchitectureException} naming the text when it is not one. */
    A parse(String text);

    /** The space as a fixed-length sequence of categorical choices, for controllers. */
    TokenView<A> tokens();
}
