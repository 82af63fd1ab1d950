package dev.connectome.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConvolutionTest {

    /** Deterministic fill used by the PyTorch reference script (values recomputed there the same way). */
    static Tensor seq(IntToDoubleFunction f, int... shape) {
        float[] d = new float[Tensor.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) f.applyAsDouble(i);
        }
        return Tensor.of(d, shape);
    }

    @Test
    void matchesPyTorchWithStridePaddingAndBias() {
        // torch.nn.functional.conv2d(x, w, b, stride=2, padding=1), x_i = sin(0.37 i), w_i = 0.5 cos(0.91 i)
        Tensor x = seq(i -> Math.sin(0.37 * i), 1, 2, 4, 4);
        Tensor w = seq(i -> 0.5 * Math.cos(0.91 * i), 3, 2, 3, 3);
        Tensor b = Tensor.of(new float[] {0.1f, -0.2f, 0.3f}, 3);
        Tensor y = Convolution.conv2d(Tape.inference(Parallelism.single()), x, w, b, 2, 1, 1);
        assertThat(y.shape()).containsExactly(1, 3, 2, 2);
        float[] expected = {0.030972f, 0.553545f, -0.45664f, -0.701896f, 0.423971f, -0.384243f, 0.034537f, 0.70764f,
            -0.607556f, 0.134815f, 0.489564f, -0.318662f};
        for (int i = 0; i < expected.length; i++) {
            assertThat(y.data()[i]).as("output %d", i).isCloseTo(expected[i], within(2e-5f));
        }
    }

    @Test
    void depthwiseWithTwoOutputsPerChannelMatchesPyTorch() {
        // conv2d(x [2,3,5,5], w [6,1,3,3], stride=2, padding=1, groups=3)
        Tensor x = seq(i -> Math.sin(0.37 * i), 2, 3, 5, 5);
        Tensor w = seq(i -> 0.5 * Math.cos(0.91 * i), 6, 1, 3, 3);
        Tensor y = Convolution.conv2d(Tape.inference(Parallelism.single()), x, w, null, 2, 1, 3);
        assertThat(y.shape()).containsExactly(2, 6, 3, 3);
        float[] first = {0.665855f, 0.046611f, -0.879713f, 0.064366f, 1.389686f, 1.344369f};
        for (int i = 0; i < first.length; i++) {
            assertThat(y.data()[i]).isCloseTo(first[i], within(2e-5f));
        }
        double sum = 0;
        for (float v : y.data()) {
            sum += v;
        }
        assertThat(sum).isCloseTo(-0.45334863662719727, within(1e-4));
    }

    @ParameterizedTest(name = "x[{0},{1},{2},{3}] w[{4},·,{5},{6}] s{7} p{8} g{9}")
    @CsvSource({
        "2, 3, 5, 6, 4, 3, 3, 1, 1, 1",
        "3, 4, 7, 5, 6, 3, 3, 2, 1, 2",
        "2, 3, 4, 4, 5, 1, 1, 1, 0, 1",
        "2, 4, 6, 6, 4, 1, 1, 2, 0, 1",
        "1, 2, 6, 7, 3, 2, 3, 3, 2, 1",
        "2, 4, 5, 5, 4, 3, 3, 2, 1, 4",
        "2, 3, 5, 4, 6, 3, 3, 1, 1, 3",
        "2, 6, 5, 5, 4, 3, 3, 1, 0, 2",
    })
    void matchesDirectConvolution(int n, int c, int h, int wd, int o, int kh, int kw, int s, int p, int groups) {
        SplittableRandom rng = new SplittableRandom(n * 31L + c * 7L + o + kh + s * 3L + groups);
        Tensor x = GradCheck.uniform(rng, -1, 1, n, c, h, wd);
        Tensor w = GradCheck.uniform(rng, -1, 1, o, c / groups, kh, kw);
        Tensor b = GradCheck.uniform(rng, -1, 1, o);
        float[] expected = direct(x, w, b, s, p, groups);
        for (Parallelism par : new Parallelism[] {Parallelism.single(), Parallelism.of(2)}) {
            Tensor y = Convolution.conv2d(Tape.inference(par), x, w, b, s, p, groups);
            assertThat(y.size()).isEqualTo(expected.length);
            for (int i = 0; i < expected.length; i++) {
                assertThat(y.data()[i]).as("output %d with %s", i, par).isCloseTo(expected[i], within(1e-4f));
            }
            par.close();
        }
    }

    @ParameterizedTest(name = "x[{0},{1},{2},{3}] w[{4},·,{5},{5}] s{6} p{7} g{8} bias {9}")
    @CsvSource({
        "2, 3, 5, 6, 4, 3, 1, 1, 1, true",
        "2, 4, 5, 5, 6, 3, 2, 1, 2, false",
        "2, 3, 4, 3, 2, 1, 1, 0, 1, true",
        "1, 2, 5, 4, 3, 1, 2, 0, 1, false",
        "2, 3, 5, 5, 3, 3, 2, 1, 3, true",
        "2, 2, 4, 5, 4, 3, 1, 1, 2, false",
        "1, 2, 7, 6, 2, 2, 3, 2, 1, true",
        "2, 3, 6, 5, 2, 3, 1, 0, 1, false",
        "1, 2, 5, 5, 3, 2, 1, 1, 1, true",
        "1, 2, 4, 6, 3, 3, 1, 2, 1, false",
    })
    void gradientsMatchFiniteDifferences(int n, int c, int h, int wd, int o, int k, int s, int p, int groups,
                                         boolean withBias) {
        SplittableRandom rng = new SplittableRandom(17L * n + c + 5L * o + k + groups);
        Tensor x = GradCheck.uniform(rng, -1, 1, n, c, h, wd);
        Tensor w = GradCheck.uniform(rng, -1, 1, o, c / groups, k, k);
        Tensor b = withBias ? GradCheck.uniform(rng, -1, 1, o) : null;
        Tensor[] params = withBias ? new Tensor[] {x, w, b} : new Tensor[] {x, w};
        GradCheck.assertGradients(t -> Convolution.conv2d(t, x, w, b, s, p, groups), 1e-2, params);
    }

    @Test
    void twoThreadsGiveTheSameGradientsAsOne() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor x = GradCheck.uniform(rng, -1, 1, 9, 4, 6, 6);
        Tensor w = GradCheck.uniform(rng, -1, 1, 8, 4, 3, 3);
        Tensor b = GradCheck.uniform(rng, -1, 1, 8);
        float[][] one = grads(Parallelism.single(), x, w, b);
        try (Parallelism two = Parallelism.of(2)) {
            float[][] both = grads(two, x, w, b);
            for (int t = 0; t < 3; t++) {
                for (int i = 0; i < one[t].length; i++) {
                    assertThat(both[t][i]).isCloseTo(one[t][i], within(1e-4f));
                }
            }
        }
    }

    @Test
    void onlyTheRequestedGradientsAreComputed() {
        SplittableRandom rng = new SplittableRandom(4);
        Tensor x = GradCheck.uniform(rng, -1, 1, 2, 3, 5, 5).copy(); // a constant input
        Tensor w = GradCheck.uniform(rng, -1, 1, 4, 3, 3, 3);
        GradCheck.assertGradients(t -> Convolution.conv2d(t, x, w, null, 1, 1, 1), 1e-2, w);
        assertThat(x.grad()).isNull();
    }

    @Test
    void steadyStateTrainingStepAllocatesNothing() {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = GradCheck.uniform(rng, -1, 1, 4, 3, 8, 8);
        Tensor w = GradCheck.uniform(rng, -1, 1, 6, 3, 3, 3);
        Tensor b = GradCheck.uniform(rng, -1, 1, 6);
        try (Parallelism two = Parallelism.of(2)) {
            Tape tape = Tape.training(two);
            long before = 0;
            for (int step = 0; step < 3; step++) {
                Tensor y = Convolution.conv2d(tape, x, w, b, 1, 1, 1);
                tape.backward(GradCheck.weightedSum(tape, y, 1));
                tape.reset();
                if (step == 0) {
                    before = tape.arena().allocatedFloats();
                }
            }
            assertThat(tape.arena().allocatedFloats()).isEqualTo(before);
        }
    }

    @Test
    void rejectsMismatchedShapes() {
        Tape tape = Tape.inference(Parallelism.single());
        Tensor x = Tensor.zeros(1, 4, 5, 5);
        assertThatThrownBy(() -> Convolution.conv2d(tape, x, Tensor.zeros(2, 3, 3, 3), null, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input channels");
        assertThatThrownBy(() -> Convolution.conv2d(tape, x, Tensor.zeros(3, 2, 3, 3), null, 1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groups=2");
        assertThatThrownBy(() -> Convolution.conv2d(tape, x, Tensor.zeros(2, 4, 7, 7), null, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger than the padded input");
        assertThatThrownBy(() -> Convolution.conv2d(tape, x, Tensor.zeros(2, 4, 3, 3), Tensor.zeros(3), 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bias must be [2]");
    }

    private static float[][] grads(Parallelism par, Tensor x, Tensor w, Tensor b) {
        x.zeroGrad();
        w.zeroGrad();
        b.zeroGrad();
        Tape tape = Tape.training(par);
        Tensor y = Convolution.conv2d(tape, x, w, b, 1, 1, 1);
        tape.backward(GradCheck.weightedSum(tape, y, 9));
        float[][] g = {x.grad().clone(), w.grad().clone(), b.grad().clone()};
        tape.reset();
        return g;
    }

    /** The definition, in double: out[n,o,y,z] = b[o] + Σ w[o,c,i,j]·x[n, g·Cg + c, y·s − p + i, z·s − p + j]. */
    static float[] direct(Tensor x, Tensor w, Tensor b, int s, int p, int groups) {
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3);
        int o = w.dim(0), cg = w.dim(1), kh = w.dim(2), kw = w.dim(3), og = o / groups;
        int oh = (h + 2 * p - kh) / s + 1, ow = (wd + 2 * p - kw) / s + 1;
        float[] out = new float[n * o * oh * ow];
        float[] xv = x.data(), wv = w.data();
        for (int a = 0; a < n; a++) {
            for (int q = 0; q < o; q++) {
                int g = q / og;
                for (int y = 0; y < oh; y++) {
                    for (int z = 0; z < ow; z++) {
                        double sum = b == null ? 0 : b.data()[q];
                        for (int ci = 0; ci < cg; ci++) {
                            for (int i = 0; i < kh; i++) {
                                for (int j = 0; j < kw; j++) {
                                    int iy = y * s - p + i, iz = z * s - p + j;
                                    if (iy >= 0 && iy < h && iz >= 0 && iz < wd) {
                                        sum += wv[((q * cg + ci) * kh + i) * kw + j]
                                                * xv[((a * c + g * cg + ci) * h + iy) * wd + iz];
                                    }
                                }
                            }
                        }
                        out[((a * o + q) * oh + y) * ow + z] = (float) sum;
                    }
                }
            }
        }
        return out;
    }
}
