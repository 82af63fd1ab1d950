package dev.connectome.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {
    private static Tensor withGrad(float... g) {
        Tensor t = Tensor.parameter(new float[g.length], g.length);
        System.arraycopy(g, 0, t.grad(), 0, g.length);
        return t;
    }

    @Test
    void scalesAllGradientsTogetherToTheMaximumNorm() {
        Tensor a = withGrad(3f, 0f);
        Tensor b = withGrad(0f, 4f);
        Tensor none = Tensor.of(new float[] {1f}, 1); // null gradient: ignored
        double norm = GradientClipping.clipByNorm(List.of(a, b, none), 1.0);
        assertThat(norm).isCloseTo(5.0, within(1e-9));
        assertThat(a.grad()[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(b.grad()[1]).isCloseTo(0.8f, within(1e-6f));
        assertThat(GradientClipping.globalNorm(List.of(a, b))).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void leavesSmallGradientsAlone() {
        Tensor a = withGrad(0.3f, -0.4f);
        double norm = GradientClipping.clipByNorm(List.of(a), 1.0);
        assertThat(norm).isCloseTo(0.5, within(1e-7));
        assertThat(a.grad()).containsExactly(0.3f, -0.4f);
    }

    @Test
    void vectorisedSumOfSquaresMatchesADoubleSumAtEveryLengthAndBlockBoundary() {
        java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
        for (int n : new int[] {0, 1, 7, 8, 31, 32, 33, 100, 1023, 1024, 1025, 4097, 100_003}) {
            float[] g = new float[n];
            double expected = 0;
            for (int i = 0; i < n; i++) {
                g[i] = (float) rng.nextGaussian();
                expected += (double) g[i] * g[i];
            }
            assertThat(GradientClipping.sumOfSquares(g)).as("n=%d", n).isCloseTo(expected, within(1e-6 * expected + 1e-12));
        }
    }

    @Test
    void rejectsNonPositiveMaximum() {
        assertThatThrownBy(() -> GradientClipping.clipByNorm(List.of(withGrad(1f)), 0))
                .hasMessageContaining("maxNorm");
    }
}
