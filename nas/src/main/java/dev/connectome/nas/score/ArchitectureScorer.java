package dev.connectome.nas.score;

/**
 * Scores candidates of a search space (larger is better), e.g. a zero-cost score of each cell's
 * network over a fixed batch. Implementations must be deterministic: the same candidate always
 * gets the same score (which makes caching valid and searches reproducible).
 *
 * @param <A> the architecture type
 */
@FunctionalInterface
public interface ArchitectureScorer<A> {
    double score(A architecture);
}
