package dev.connectome.nas.evaluate;

/**
 * Scores one candidate. An evaluator may throw; the study turns that into a FAILED trial with the
 * exception's message. Implementations must be safe to call from several threads at once.
 *
 * @param <A> the architecture type
 */
@FunctionalInterface
public interface Evaluator<A> {

    Evaluation evaluate(A architecture, TrialContext context) throws Exception;
}
