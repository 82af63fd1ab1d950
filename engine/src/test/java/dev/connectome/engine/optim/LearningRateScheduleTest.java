package dev.connectome.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    @Test
    void constantNeverChanges() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.3);
        assertThat(s.rate(0)).isEqualTo(0.3);
        assertThat(s.rate(1_000_000)).isEqualTo(0.3);
    }

    @Test
    void stepDecayMultipliesByGammaEveryInterval() {
        LearningRateSchedule s = LearningRateSchedule.stepDecay(0.1, 30, 0.1);
        assertThat(s.rate(0)).isEqualTo(0.1);
        assertThat(s.rate(29)).isEqualTo(0.1);
        assertThat(s.rate(30)).isCloseTo(0.01, within(1e-12));
        assertThat(s.rate(59)).isCloseTo(0.01, within(1e-12));
        assertThat(s.rate(60)).isCloseTo(0.001, within(1e-12));
    }

    @Test
    void cosineGoesFromMaxThroughMidpointToMin() {
        LearningRateSchedule s = LearningRateSchedule.cosine(1.0, 0.1, 100);
        assertThat(s.rate(0)).isCloseTo(1.0, within(1e-12));
        assertThat(s.rate(50)).isCloseTo(0.55, within(1e-12));
        assertThat(s.rate(25)).isCloseTo(0.1 + 0.9 * (1 + Math.cos(Math.PI / 4)) / 2, within(1e-12));
        assertThat(s.rate(100)).isCloseTo(0.1, within(1e-12));
        assertThat(s.rate(500)).isCloseTo(0.1, within(1e-12));
        for (int t = 1; t <= 100; t++) {
            assertThat(s.rate(t)).isLessThanOrEqualTo(s.rate(t - 1));
        }
    }

    @Test
    void warmUpRampsLinearlyThenCosineStartsAtThePeak() {
        LearningRateSchedule s = LearningRateSchedule.cosine(0.4, 0.0, 110, 10);
        assertThat(s.rate(0)).isCloseTo(0.04, within(1e-12));
        assertThat(s.rate(4)).isCloseTo(0.2, within(1e-12));
        assertThat(s.rate(9)).isCloseTo(0.4, within(1e-12));
        assertThat(s.rate(10)).isCloseTo(0.4, within(1e-12));
        assertThat(s.rate(60)).isCloseTo(0.2, within(1e-12));
        assertThat(s.rate(110)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void applySetsTheOptimizerRate() {
        Sgd sgd = new Sgd(List.of(Tensor.parameter(new float[1], 1)), Sgd.Settings.of(1));
        LearningRateSchedule.stepDecay(1, 2, 0.5).apply(sgd, 5);
        assertThat(sgd.learningRate()).isEqualTo(0.25);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> LearningRateSchedule.stepDecay(0.1, 0, 0.5)).hasMessageContaining("interval");
        assertThatThrownBy(() -> LearningRateSchedule.cosine(0.1, 0, 10, 10)).hasMessageContaining("warm-up");
        assertThatThrownBy(() -> LearningRateSchedule.constant(-1)).hasMessageContaining("-1");
    }
}
