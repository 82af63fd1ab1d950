package dev.connectome.nas.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedSampleTest {
    @Test
    void balancedTenThousandAndTwoThousand() {
        Dataset.Split s = EmbeddedSample.mnist();
        assertThat(s.train().size()).isEqualTo(10_000);
        assertThat(s.validation().size()).isEqualTo(2_000);
        assertThat(s.train().classCounts()).containsOnly(1000);
        assertThat(s.validation().classCounts()).containsOnly(200);
        assertThat(s.train().sampleShape()).containsExactly(1, 28, 28);
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : s.train().features()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isZero();
        assertThat(max).isEqualTo(1f);
        assertThat(s.train().name()).isEqualTo("mnist-sample-train");
    }
}
