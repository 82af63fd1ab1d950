package dev.connectome.nas.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.evaluate.Evaluation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsAndProvenanceTest {

    @Test
    void trialGeneratorsAreReproducibleAndDistinct() {
        assertThat(Seeds.trial(1, 5).nextLong()).isEqualTo(Seeds.trial(1, 5).nextLong());
        Set<Long> firsts = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            for (int n = 0; n < 500; n++) {
                firsts.add(Seeds.trial(seed, n).nextLong());
                firsts.add(Seeds.evaluation(seed, n).nextLong());
            }
        }
        assertThat(firsts).hasSize(20_000);
    }

    @Test
    void neighbouringTrialStreamsAreUncorrelated() {
        int n = 20_000;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (Seeds.trial(3, i).nextDouble() - 0.5) * (Seeds.trial(3, i + 1).nextDouble() - 0.5);
        }
        // correlation ≈ 12·mean(xy); its sd for independent uniforms is 1/sqrt(n) ≈ 0.007
        assertThat(Math.abs(12 * sxy / n)).isLessThan(0.03);
    }

    @Test
    void provenanceRoundTripsThroughJson() {
        Provenance p = Provenance.collect(Map.of("strategy", "evolution", "trials", 100, "ops", List.of("a", "b")), 7, "abc");
        Provenance back = Provenance.fromJson(p.toJson());
        assertThat(back).isEqualTo(p);
        assertThat(back.cores()).isPositive();
        assertThat(back.jvm()).isNotBlank();
        assertThatThrownBy(() -> Provenance.fromJson("[1]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void evaluationTurnsNonFiniteValuesIntoFailures() {
        assertThat(Evaluation.complete(Double.NaN).isComplete()).isFalse();
        assertThat(Evaluation.complete(Double.POSITIVE_INFINITY).failure()).contains("Infinity");
        assertThat(Evaluation.complete(1.5, Map.of("b", 1.0, "a", 2.0), 0.1).metrics().keySet()).containsExactly("a", "b");
        assertThatThrownBy(() -> new Evaluation(Evaluation.Status.COMPLETE, Double.NaN, Map.of(), 0, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Direction.MAXIMIZE.better(2, 1)).isTrue();
        assertThat(Direction.MINIMIZE.better(2, 1)).isFalse();
        assertThat(Direction.MAXIMIZE.better(Double.NaN, 1)).isFalse();
        assertThat(Direction.parse("min")).isEqualTo(Direction.MINIMIZE);
    }
}
