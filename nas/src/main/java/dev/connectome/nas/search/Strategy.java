package dev.connectome.nas.search;

import dev.connectome.nas.evaluate.Evaluation;
import java.util.random.RandomGenerator;

/**
 * Proposes candidates (ask) and learns from their results (tell).
 *
 * <p>Determinism contract that makes resumed studies exact: the study calls {@code ask} for trial n
 * with the generator {@code Seeds.trial(seed, n)}, and tells results in trial-number order. With the
 * same calls, a strategy must return the same candidates. {@link #snapshot()} captures everything
 * that influences future asks; {@link #restore(String)} on a fresh instance (same settings) continues
 * identically.
 *
 * @param <A> the architecture type
 */
public interface Strategy<A> {

    /** Short id stored with studies, e.g. "random", "evolution". */
    String id();

    /** The next candidate to evaluate. */
    A ask(RandomGenerator rng);

    /** Result of a candidate earlier asked (failed evaluations are told too). */
    void tell(A architecture, Evaluation evaluation);

    /** State as JSON (candidates written with the space's format). */
    String snapshot();

    /** Replaces this strategy's state with a snapshot; IllegalArgumentException on a malformed one. */
    void restore(String json);
}
