package dev.connectome.nas.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Flatten;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Sequential;
import dev.connectome.nas.data.ImageBatches;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The worked example of seed 004: codes (1,0,1), (0,0,1), (1,0,0) give K = [[3,2,2],[2,3,1],[2,1,3]]. */
class NaswotKernelTest {
    private static final double[][] EXPECTED_K = {{3, 2, 2}, {2, 3, 1}, {2, 1, 3}};

    @Test
    void workedExampleFromCodes() {
        NaswotKernel k = new NaswotKernel(3);
        k.addCodes(new int[][] {{1, 0, 1}, {0, 0, 1}, {1, 0, 0}});
        assertThat(k.matrix()).isDeepEqualTo(EXPECTED_K);
        // det = 3(9−1) − 2(6−2) + 2(2−6) = 8
        assertThat(k.score()).isCloseTo(Math.log(8), within(1e-12));
        assertThat(k.units()).isEqualTo(3);
    }

    /**
     * A hand-built network Flatten → Linear(3072→3) → ReLU whose pre-activations for three images
     * have exactly the example's signs: unit 0 reads pixel 0, unit 1 is always −1, unit 2 reads pixel 1.
     */
    @Test
    void workedExampleThroughNaswotScoreOnHandBuiltReluNetwork() {
        int d = 3 * 32 * 32;
        float[] images = new float[3 * d];
        float[][] pixels = {{1, 1}, {-1, 1}, {1, -1}};
        for (int s = 0; s < 3; s++) {
            images[s * d] = pixels[s][0];
            images[s * d + 1] = pixels[s][1];
        }
        float[] w = new float[d * 3]; // [in, out]
        w[0 * 3 + 0] = 1f;
        w[1 * 3 + 2] = 1f;
        float[] b = {0f, -1f, 0f};
        ScoredNetwork hand = new ScoredNetwork() {
            @Override
            public String name() {
                return "hand";
            }

            @Override
            public Module build(int classes, boolean batchNorm, RandomGenerator rng) {
                return new Sequential(new Flatten(), new Linear(Tensor.parameter(w.clone(), d, 3),
                        Tensor.parameter(b.clone(), 3)), Activation.RELU);
            }

            @Override
            public long multiplyAdds(int classes) {
                return 3L * d;
            }
        };
        ImageBatches.Batch batch = new ImageBatches.Batch(images, new int[3], 1, "hand");
        NaswotScore naswot = new NaswotScore();
        ScoreInput in = new ScoreInput(hand, batch, 1, Parallelism.single());
        assertThat(naswot.kernel(in).matrix()).isDeepEqualTo(EXPECTED_K);
        assertThat(naswot.score(in)).isCloseTo(Math.log(8), within(1e-12));
    }

    @Test
    void layersAccumulateAndCodesUseStrictPositivity() {
        NaswotKernel k = new NaswotKernel(2);
        // layer 1: codes (1,0) and (0,0) (0 is not > 0); layer 2: identical codes
        k.add(new float[] {0.5f, 0f, -2f, 0f}, 2);
        k.add(new float[] {1f, 1f}, 1);
        assertThat(k.layers()).isEqualTo(2);
        assertThat(k.matrix()).isDeepEqualTo(new double[][] {{3, 2}, {2, 3}});
    }

    @Test
    void identicalCodesGiveSingularKernel() {
        NaswotKernel k = new NaswotKernel(3);
        k.addCodes(new int[][] {{1, 0}, {1, 0}, {0, 1}});
        assertThat(k.score()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void logAbsDetMatchesDirectDeterminantAndSurvivesHugeMatrices() {
        double[][] a = {{0, 2, 1}, {1, 1, 0}, {3, 0, 1}}; // det = 0(1) − 2(1) + 1(−3) = −5, needs pivoting
        assertThat(NaswotKernel.logAbsDet(a)).isCloseTo(Math.log(5), within(1e-12));
        // 128×128 with entries near 10^6: det ≈ 10^(6·128) overflows double, its log does not
        int n = 128;
        double[][] big = new double[n][n];
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                big[i][j] = i == j ? 2e6 : rng.nextDouble() * 1e4;
            }
        }
        double log = NaswotKernel.logAbsDet(big);
        assertThat(log).isFinite().isCloseTo(n * Math.log(2e6), within(1.0));
    }

    @Test
    void packedHammingMatchesNaiveOnManyUnits() {
        SplittableRandom rng = new SplittableRandom(5);
        int batch = 5, units = 200; // several 64-bit words, last one partial
        float[] x = new float[batch * units];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        NaswotKernel k = new NaswotKernel(batch);
        k.add(x, units);
        double[][] m = k.matrix();
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < batch; j++) {
                int same = 0;
                for (int u = 0; u < units; u++) {
                    same += (x[i * units + u] > 0) == (x[j * units + u] > 0) ? 1 : 0;
                }
                assertThat(m[i][j]).isEqualTo(same);
            }
        }
    }

    @Test
    void observerSeesEveryReluInputOfASequential() {
        Tape tape = Tape.inference(Parallelism.single());
        int[] seen = new int[1];
        tape.observe((op, x) -> seen[0] += op.equals("relu") ? 1 : 0);
        new Sequential(Activation.RELU, Activation.TANH, Activation.RELU).forward(tape, Tensor.of(new float[] {1, -1}, 1, 2));
        assertThat(seen[0]).isEqualTo(2);
    }
}
