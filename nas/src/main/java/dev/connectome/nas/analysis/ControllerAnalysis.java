package dev.connectome.nas.analysis;

import dev.connectome.nas.search.reinforce.Controller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * The controller analysis of seed 002 (controller-nas.md): do a trained and an untrained controller
 * sample architectures of different quality; does the hidden state encode the choices made; do
 * distances between controller embeddings of two architectures track how alike they are.
 */
public final class ControllerAnalysis {

    /**
     * Embeddings of sampled architectures.
     *
     * @param tokens     the sampled sequences
     * @param embeddings h after the last token for each, [n][H] (the heatmap rows)
     */
    public record HiddenStates(int[][] tokens, float[][] embeddings) {

        /** Mean over hidden units of the across-sample standard deviation: 0 when every row is the same. */
        public double meanUnitSd() {
            int n = embeddings.length, h = embeddings[0].length;
            double total = 0;
            for (int j = 0; j < h; j++) {
                double m = 0, s = 0;
                for (float[] row : embeddings) {
                    m += row[j];
                }
                m /= n;
                for (float[] row : embeddings) {
                    s += (row[j] - m) * (row[j] - m);
                }
                total += Math.sqrt(s / n);
            }
            return total / h;
        }
    }

    /**
     * Spearman ρ between pairwise embedding distance and one similarity measure, over all pairs.
     * Negative ρ means closer embeddings for more similar architectures (what one hopes for).
     *
     * @param measure the similarity's name
     * @param rho     Spearman ρ(L2 distance, similarity)
     * @param low     bootstrap lower bound
     * @param high    bootstrap upper bound
     * @param pairs   number of pairs
     */
    public record SimilarityCorrelation(String measure, double rho, double low, double high, int pairs) {
    }

    private ControllerAnalysis() {
    }

    /** Scores of {@code n} architectures sampled from {@code controller}; the score sees the token sequence. */
    public static ControllerScores scores(String label, Controller controller, ToDoubleFunction<int[]> score, int n,
            RandomGenerator rng) {
        double[] s = new double[n];
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int[] t = controller.sample(rng).tokens();
            s[i] = score.applyAsDouble(t);
            distinct.add(Arrays.toString(t));
        }
        return new ControllerScores(label, s, distinct.size());
    }

    /** Samples {@code n} architectures and embeds each (the hidden-state heatmap of the seed). */
    public static HiddenStates hiddenStates(Controller controller, int n, RandomGenerator rng) {
        int[][] tokens = new int[n][];
        for (int i = 0; i < n; i++) {
            tokens[i] = controller.sample(rng).tokens();
        }
        return new HiddenStates(tokens, controller.embed(tokens));
    }

    /**
     * For each measure, Spearman ρ between the L2 distance of the two embeddings and the similarity,
     * over all pairs of the given architectures, with a 95% bootstrap interval ({@code resamples} resamples).
     */
    public static List<SimilarityCorrelation> similarityCorrelations(HiddenStates states,
            List<ControllerSimilarity> measures, int resamples, RandomGenerator rng) {
        int n = states.tokens().length;
        int pairs = n * (n - 1) / 2;
        double[] dist = new double[pairs];
        double[][] sim = new double[measures.size()][pairs];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                dist[k] = l2(states.embeddings()[i], states.embeddings()[j]);
                for (int m = 0; m < measures.size(); m++) {
                    sim[m][k] = measures.get(m).function().applyAsDouble(states.tokens()[i], states.tokens()[j]);
                }
                k++;
            }
        }
        List<SimilarityCorrelation> out = new ArrayList<>();
        for (int m = 0; m < measures.size(); m++) {
            Interval ci = Correlation.bootstrap(dist, sim[m], Correlation::spearman, resamples, 0.95, rng);
            out.add(new SimilarityCorrelation(measures.get(m).name(), ci.estimate(), ci.low(), ci.high(), pairs));
        }
        return out;
    }

    static double l2(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
