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

    /** Short id stored with studies, e.g. "nb201-table:cifar10". */
    default String id() {
        return getClass().getSimpleName();
    }

    /** SHA-256 of the data the evaluator judges with, for provenance; empty when none or unknown. */
    default java.util.Optional<String> datasetSha256() {
        return java.util.Optional.empty();
    }
}
