package dev.connectome.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolingTest {
    private static final Tensor PLANE = ConvolutionTest.seq(i -> Math.sin(0.37 * i), 1, 1, 4, 4);

    @Test
    void averageExcludesPaddingLikePyTorch() {
        // avg_pool2d(x, 3, 1, 1, count_include_pad=False), x_i = sin(0.37 i)
        Tensor y = Pooling.avgPool2d(Tape.inference(Parallelism.single()), PLANE, 3, 1, 1);
        float[] expected = {0.579693f, 0.631604f, 0.702248f, 0.722649f, 0.385345f, 0.361454f, 0.299521f, 0.260016f,
            -0.001319f, -0.070426f, -0.199227f, -0.261963f, -0.491267f, -0.564592f, -0.679154f, -0.723098f};
        assertThat(y.shape()).containsExactly(1, 1, 4, 4);
        for (int i = 0; i < expected.length; i++) {
            assertThat(y.data()[i]).isCloseTo(expected[i], within(1e-5f));
        }
    }

    @Test
    void averageTwoByTwoStrideTwo() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 1, 1, 4, 4);
        Tensor y = Pooling.avgPool2d(Tape.inference(Parallelism.single()), x, 2, 2, 0);
        assertThat(y.data()).containsExactly(3.5f, 5.5f, 11.5f, 13.5f);
    }

    @Test
    void maxMatchesPyTorch() {
        // max_pool2d(x, 3, 2, 1)
        Tensor y = Pooling.maxPool2d(Tape.inference(Parallelism.single()), PLANE, 3, 2, 1);
        assertThat(y.shape()).containsExactly(1, 1, 2, 2);
        float[] expected = {0.995881f, 0.961275f, 0.995881f, 0.961275f};
        for (int i = 0; i < expected.length; i++) {
            assertThat(y.data()[i]).isCloseTo(expected[i], within(1e-5f));
        }
    }

    @Test
    void globalAverageIsThePlaneMean() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 10, 20, 30, 40}, 1, 2, 2, 2);
        Tensor y = Pooling.globalAvgPool(Tape.inference(Parallelism.single()), x);
        assertThat(y.shape()).containsExactly(1, 2);
        assertThat(y.data()).containsExactly(2.5f, 25f);
    }

    @ParameterizedTest(name = "avg k{0} s{1} p{2} on {3}×{4}")
    @CsvSource({"3, 1, 1, 5, 6", "2, 2, 0, 4, 5", "3, 2, 1, 7, 5", "2, 1, 1, 3, 3"})
    void averageGradients(int k, int s, int p, int h, int w) {
        Tensor x = GradCheck.uniform(new SplittableRandom(k + h), -1, 1, 2, 3, h, w);
        GradCheck.assertGradients(t -> Pooling.avgPool2d(t, x, k, s, p), 1e-2, x);
    }

    @ParameterizedTest(name = "max k{0} s{1} p{2} on {3}×{4}")
    @CsvSource({"3, 1, 1, 5, 6", "2, 2, 0, 4, 5", "3, 2, 1, 7, 5"})
    void maxGradients(int k, int s, int p, int h, int w) {
        // Distinct values far apart (a shuffled ramp), so no perturbation changes which element is the max.
        SplittableRandom rng = new SplittableRandom(k * 10L + h);
        int n = 2 * 3 * h * w;
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = 0.1f * i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            float tmp = d[i];
            d[i] = d[j];
            d[j] = tmp;
        }
        Tensor x = Tensor.parameter(d, 2, 3, h, w);
        GradCheck.assertGradients(t -> Pooling.maxPool2d(t, x, k, s, p), 1e-2, x);
    }

    @Test
    void globalAverageGradients() {
        Tensor x = GradCheck.uniform(new SplittableRandom(8), -1, 1, 3, 2, 3, 4);
        GradCheck.assertGradients(t -> Pooling.globalAvgPool(t, x), 1e-2, x);
    }

    @Test
    void twoThreadsAgreeWithOne() {
        Tensor x = GradCheck.uniform(new SplittableRandom(9), -1, 1, 8, 16, 12, 12);
        try (Parallelism two = Parallelism.of(2)) {
            Tensor a = Pooling.avgPool2d(Tape.inference(Parallelism.single()), x, 3, 1, 1);
            Tensor b = Pooling.avgPool2d(Tape.inference(two), x, 3, 1, 1);
            assertThat(b.data()).containsExactly(a.data());
        }
    }

    @Test
    void rejectsBadWindows() {
        Tape tape = Tape.inference(Parallelism.single());
        assertThatThrownBy(() -> Pooling.avgPool2d(tape, Tensor.zeros(1, 1, 2, 2), 5, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("avgPool2d");
        assertThatThrownBy(() -> Pooling.maxPool2d(tape, Tensor.zeros(1, 1, 4, 4), 2, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("padding");
        assertThatThrownBy(() -> Pooling.globalAvgPool(tape, Tensor.zeros(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rank-4");
    }
}
