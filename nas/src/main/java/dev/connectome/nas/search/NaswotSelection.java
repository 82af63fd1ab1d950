package dev.connectome.nas.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.connectome.engine.Parallelism;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.data.ImageBatches;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.score.ArchitectureScorer;
import dev.connectome.nas.score.Nb201CellScorer;
import dev.connectome.nas.score.ZeroCostScore;
import dev.connectome.nas.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * NASWOT search as a strategy (Mellor et al. 2021, Table 2 protocol): each {@link #ask} draws N
 * candidates from the space's prior (with replacement), scores each without training and returns
 * the best-scoring one; one trial is one whole search, and the study's evaluator (e.g. the NB201
 * table) then reports the chosen cell's accuracy. Stateless between trials: told results are not
 * used. A score that is NaN counts as the lowest; ties keep the earliest draw.
 */
public final class NaswotSelection<A> implements Strategy<A> {

    /** One search: the candidates in draw order, their scores, and the chosen index. */
    public record Selection<A>(List<A> candidates, double[] scores, int best) {
        public A chosen() {
            return candidates.get(best);
        }

        public double bestScore() {
            return scores[best];
        }
    }

    private final SearchSpace<A> space;
    private final int n;
    private final ArchitectureScorer<A> scorer;

    /**
     * @param space  where candidates are drawn from
     * @param n      candidates scored per search (the paper's N: 10, 100, 1000)
     * @param scorer the training-free score, larger is better (cache it: draws repeat)
     */
    public NaswotSelection(SearchSpace<A> space, int n, ArchitectureScorer<A> scorer) {
        if (n < 1) {
            throw new IllegalArgumentException("NASWOT needs N >= 1 candidates per search, got " + n);
        }
        this.space = Objects.requireNonNull(space, "space");
        this.n = n;
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    /**
     * NASWOT over NB201 with a zero-cost score of the C, N network skeleton on {@code batch}
     * (scores cached per cell; the network of a cell is initialised from {@code seed} and its code).
     */
    public static NaswotSelection<Nb201Cell> nb201(int n, ZeroCostScore score, ImageBatches.Batch batch, int channels,
            int cellsPerStage, long seed, Parallelism parallelism) {
        return new NaswotSelection<>(new Nb201Space(), n,
                new Nb201CellScorer(score, batch, channels, cellsPerStage, seed, parallelism));
    }

    @Override
    public String id() {
        return "naswot";
    }

    /** Candidates per search. */
    public int n() {
        return n;
    }

    @Override
    public A ask(RandomGenerator rng) {
        return select(rng).chosen();
    }

    /** One full search with its candidates and scores. */
    public Selection<A> select(RandomGenerator rng) {
        List<A> candidates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            candidates.add(space.sample(rng));
        }
        double[] scores = new double[n];
        int best = 0;
        for (int i = 0; i < n; i++) {
            scores[i] = scorer.score(candidates.get(i));
            if (better(scores[i], scores[best])) {
                best = i;
            }
        }
        return new Selection<>(List.copyOf(candidates), scores, best);
    }

    private static boolean better(double a, double b) {
        return !Double.isNaN(a) && (Double.isNaN(b) || a > b);
    }

    @Override
    public void tell(A architecture, Evaluation evaluation) {
        // each search is independent of earlier results
    }

    @Override
    public String snapshot() {
        ObjectNode node = StrategyJson.object("naswot");
        node.put("n", n);
        return StrategyJson.write(node);
    }

    @Override
    public void restore(String json) {
        JsonNode node = StrategyJson.expectStrategy(json, "naswot");
        if (node.path("n").asInt(-1) != n) {
            throw new IllegalArgumentException("naswot snapshot is for N=" + node.path("n").asText("?")
                    + ", this strategy has N=" + n);
        }
    }
}
