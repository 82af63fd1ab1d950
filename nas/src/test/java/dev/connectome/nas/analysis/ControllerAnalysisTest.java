package dev.connectome.nas.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.search.reinforce.Controller;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import dev.connectome.nas.search.reinforce.DecisionLayout;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ControllerAnalysisTest {

    @Test
    void oneHotEmbeddingsGiveAPerfectNegativeCorrelationWithSharedChoices() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 30, len = 6, k = 5;
        int[][] tokens = new int[n][len];
        float[][] emb = new float[n][len * k];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < len; p++) {
                tokens[i][p] = rng.nextInt(k);
                emb[i][p * k + tokens[i][p]] = 1f;
            }
        }
        ControllerAnalysis.HiddenStates states = new ControllerAnalysis.HiddenStates(tokens, emb);
        List<ControllerAnalysis.SimilarityCorrelation> c = ControllerAnalysis.similarityCorrelations(states,
                List.of(ControllerSimilarity.sharedTokens(), ControllerSimilarity.sharedConnections(0)), 50, rng);
        // distance = sqrt(2·(len − shared)), a decreasing function of shared choices
        assertThat(c.get(0).rho()).isCloseTo(-1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(c.get(0).pairs()).isEqualTo(n * (n - 1) / 2);
        assertThat(c.get(1).rho()).isBetween(-1.0, 1.0);
        assertThat(c.get(0).low()).isLessThanOrEqualTo(c.get(0).high());
    }

    @Test
    void scoresAndHiddenStatesOfAController() {
        Controller c = new Controller(DecisionLayout.perPosition(5, 5, 5), ControllerSettings.defaults(3));
        ControllerScores s = ControllerAnalysis.scores("untrained", c, t -> t[0] + t[1] + t[2], 400,
                new SplittableRandom(2));
        assertThat(s.mean()).isBetween(5.0, 7.0); // near-uniform: E = 3·2
        assertThat(s.unique()).isGreaterThan(80);
        assertThat(s.quantile(0)).isLessThanOrEqualTo(s.quantile(0.5)).isLessThanOrEqualTo(s.max());
        assertThat(s.max()).isLessThanOrEqualTo(12.0).isGreaterThanOrEqualTo(10.0);
        ControllerAnalysis.HiddenStates h = ControllerAnalysis.hiddenStates(c, 20, new SplittableRandom(4));
        assertThat(h.embeddings()).hasDimensions(20, 32);
        assertThat(h.meanUnitSd()).isGreaterThan(0);
        float[][] same = {{1f, 2f}, {1f, 2f}};
        assertThat(new ControllerAnalysis.HiddenStates(new int[][] {{0}, {1}}, same).meanUnitSd()).isZero();
    }
}
