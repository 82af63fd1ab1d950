package dev.connectome.nas.analysis;

import dev.connectome.nas.analysis.ControllerAnalysis.HiddenStates;
import dev.connectome.nas.analysis.ControllerAnalysis.SimilarityCorrelation;
import dev.connectome.nas.search.reinforce.Controller;
import dev.connectome.nas.study.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Seed 002's whole controller analysis for several controllers (e.g. untrained, trained, trained with
 * the memory regulariser): score distribution of {@code samples} sampled children, hidden-state
 * embeddings of {@code rows} sampled children, and their Spearman table against similarity measures.
 * Each controller gets its own generators derived from {@code seed} and its position.
 *
 * @param entries one per controller, in the given order
 */
public record ControllerComparison(List<Entry> entries) {

    /** The analysis of one controller. */
    public record Entry(String label, ControllerScores scores, HiddenStates states,
                        List<SimilarityCorrelation> correlations) {
    }

    public ControllerComparison {
        entries = List.copyOf(entries);
    }

    /**
     * Runs the analysis.
     *
     * @param controllers label → controller, in display order
     * @param score       the score of a token sequence (e.g. its table accuracy)
     * @param resamples   bootstrap resamples of each Spearman interval
     */
    public static ControllerComparison run(LinkedHashMap<String, Controller> controllers, ToDoubleFunction<int[]> score,
            List<ControllerSimilarity> measures, int samples, int rows, int resamples, long seed) {
        List<Entry> out = new ArrayList<>();
        int k = 0;
        for (Map.Entry<String, Controller> e : controllers.entrySet()) {
            ControllerScores s = ControllerAnalysis.scores(e.getKey(), e.getValue(), score, samples,
                    Seeds.generator(Seeds.derive(seed, 1, k)));
            HiddenStates h = ControllerAnalysis.hiddenStates(e.getValue(), rows, Seeds.generator(Seeds.derive(seed, 2, k)));
            List<SimilarityCorrelation> c = ControllerAnalysis.similarityCorrelations(h, measures, resamples,
                    Seeds.generator(Seeds.derive(seed, 3, k)));
            out.add(new Entry(e.getKey(), s, h, c));
            k++;
        }
        return new ControllerComparison(out);
    }
}
