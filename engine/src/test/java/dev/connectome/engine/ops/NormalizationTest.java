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
import org.junit.jupiter.params.provider.ValueSource;

class NormalizationTest {
    // PyTorch: bn = nn.BatchNorm2d(2); weight [1.5, −0.5], bias [0.2, 0.1]; x_i = sin(0.37 i) + 0.01 i, x [2,2,3,3]
    private static final Tensor X = ConvolutionTest.seq(i -> Math.sin(0.37 * i) + 0.01 * i, 2, 2, 3, 3);
    private static final float[] GAMMA = {1.5f, -0.5f};
    private static final float[] BETA = {0.2f, 0.1f};

    @Test
    void trainingAndEvalMatchPyTorch() {
        float[] mean = {0, 0}, var = {1, 1};
        Tape tape = Tape.inference(Parallelism.single());
        Tensor g = Tensor.of(GAMMA.clone(), 2), b = Tensor.of(BETA.clone(), 2);
        Tensor y = Normalization.batchNorm2d(tape, X, g, b, mean, var, true, 0.1f, 1e-5f);
        assertClose(y.data(), -2.771273f, -1.233234f, 0.10224f, 1.060001f, 1.516022f, 1.414185f);
        // running statistics move towards the batch mean and the unbiased variance
        assertThat(mean[0]).isCloseTo(0.07179082930088043f, within(1e-6f));
        assertThat(mean[1]).isCloseTo(-0.03467220813035965f, within(1e-6f));
        assertThat(var[0]).isCloseTo(0.9139067530632019f, within(1e-6f));
        assertThat(var[1]).isCloseTo(0.9191794395446777f, within(1e-6f));
        Tensor e = Normalization.batchNorm2d(tape, X, g, b, mean, var, false, 0.1f, 1e-5f);
        assertClose(e.data(), 0.087356f, 0.670441f, 1.176732f, 1.539828f, 1.712709f, 1.674102f);
        assertThat(mean[0]).as("eval leaves running stats alone").isCloseTo(0.07179082930088043f, within(1e-6f));
    }

    @Test
    void trainingOutputHasZeroMeanUnitVariancePerChannel() {
        Tensor x = GradCheck.uniform(new SplittableRandom(1), 3, 5, 4, 3, 5, 5);
        Tensor y = Normalization.batchNorm2d(Tape.inference(Parallelism.single()), x, null, null, null, null, true,
                0.1f, 1e-5f);
        for (int c = 0; c < 3; c++) {
            double s = 0, q = 0;
            for (int n = 0; n < 4; n++) {
                for (int i = 0; i < 25; i++) {
                    double v = y.data()[(n * 3 + c) * 25 + i];
                    s += v;
                    q += v * v;
                }
            }
            assertThat(s / 100).isCloseTo(0, within(1e-5));
            assertThat(q / 100).isCloseTo(1, within(1e-3));
        }
    }

    @ParameterizedTest(name = "training={0}")
    @ValueSource(booleans = {true, false})
    void affineGradients(boolean training) {
        SplittableRandom rng = new SplittableRandom(training ? 2 : 3);
        Tensor x = GradCheck.uniform(rng, -1, 2, 3, 2, 3, 4);
        Tensor g = GradCheck.uniform(rng, 0.5, 1.5, 2);
        Tensor b = GradCheck.uniform(rng, -1, 1, 2);
        float[] mean = {0.2f, -0.1f}, var = {0.8f, 1.3f};
        GradCheck.assertGradients(t -> Normalization.batchNorm2d(t, x, g, b, mean.clone(), var.clone(), training,
                0.1f, 1e-5f), 1e-2, x, g, b);
    }

    @ParameterizedTest(name = "training={0}")
    @ValueSource(booleans = {true, false})
    void nonAffineGradients(boolean training) {
        Tensor x = GradCheck.uniform(new SplittableRandom(training ? 4 : 5), -1, 1, 2, 3, 3, 3);
        float[] mean = {0.1f, 0f, -0.2f}, var = {1f, 0.5f, 2f};
        GradCheck.assertGradients(t -> Normalization.batchNorm2d(t, x, null, null, mean.clone(), var.clone(),
                training, 0.1f, 1e-5f), 1e-2, x);
    }

    @Test
    void rankTwoInputIsBatchNorm1d() {
        Tensor x = GradCheck.uniform(new SplittableRandom(6), -1, 1, 5, 3);
        Tensor g = GradCheck.uniform(new SplittableRandom(7), 0.5, 1.5, 3);
        GradCheck.assertGradients(t -> Normalization.batchNorm2d(t, x, g, null, null, null, true, 0.1f, 1e-5f),
                1e-2, x, g);
    }

    @ParameterizedTest(name = "plane {0}x{1}")
    @CsvSource({"8, 8", "5, 7", "4, 9"})
    void vectorisedPlanesMatchADoubleReference(int h, int w) {
        // Planes of 36..64 floats take the vector loops and, for 35 and 36, a scalar tail as well.
        SplittableRandom rng = new SplittableRandom(h * 10L + w);
        int n = 3, c = 2, plane = h * w;
        Tensor x = GradCheck.uniform(rng, 3, 5, n, c, h, w); // a large mean: no cancellation allowed
        Tensor g = GradCheck.uniform(rng, 0.5, 1.5, c);
        Tensor b = GradCheck.uniform(rng, -1, 1, c);
        Tensor y = Normalization.batchNorm2d(Tape.inference(Parallelism.single()), x, g, b, null, null, true, 0.1f,
                1e-5f);
        for (int ch = 0; ch < c; ch++) {
            double s = 0, q = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < plane; j++) {
                    s += x.data()[(i * c + ch) * plane + j];
                }
            }
            double mu = s / (n * plane);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < plane; j++) {
                    double d = x.data()[(i * c + ch) * plane + j] - mu;
                    q += d * d;
                }
            }
            double inv = 1 / Math.sqrt(q / (n * plane) + 1e-5);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < plane; j++) {
                    int at = (i * c + ch) * plane + j;
                    double expected = (x.data()[at] - mu) * inv * g.data()[ch] + b.data()[ch];
                    assertThat(y.data()[at]).as("y[%d]", at).isCloseTo((float) expected, within(1e-4f));
                }
            }
        }
        // Float finite differences are too coarse around a mean of 4: check gradients on [−1, 1].
        Tensor small = GradCheck.uniform(rng, -1, 1, n, c, h, w);
        GradCheck.assertGradients(t -> Normalization.batchNorm2d(t, small, g, b, null, null, true, 0.1f, 1e-5f),
                1e-2, small, g, b);
    }

    @Test
    void rejectsBadArguments() {
        Tape tape = Tape.inference(Parallelism.single());
        Tensor x = Tensor.zeros(2, 3, 2, 2);
        assertThatThrownBy(() -> Normalization.batchNorm2d(tape, x, Tensor.zeros(2), null, null, null, true, 0.1f, 1e-5f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma must be [3]");
        assertThatThrownBy(() -> Normalization.batchNorm2d(tape, Tensor.zeros(1, 3, 1, 1), null, null, null, null, true,
                0.1f, 1e-5f)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than one value");
        assertThatThrownBy(() -> Normalization.batchNorm2d(tape, x, null, null, new float[3], null, true, 0.1f, 1e-5f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both");
    }

    private static void assertClose(float[] actual, float... expectedPrefix) {
        for (int i = 0; i < expectedPrefix.length; i++) {
            assertThat(actual[i]).as("value %d", i).isCloseTo(expectedPrefix[i], within(2e-5f));
        }
    }
}
