package dev.connectome.nas.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.nas.cell.LayerChain;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.evaluate.TrialContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChainEvaluatorTest {

    /** 8×8 images: class 0 bright top half, class 1 bright left half, plus noise. */
    static Dataset bars(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    boolean on = y[i] == 0 ? r < 4 : c < 4;
                    x[i * 64 + r * 8 + c] = (on ? 1f : 0f) + (float) (0.3 * rng.nextGaussian());
                }
            }
        }
        return Dataset.of("bars", x, y, new int[] {1, 8, 8}, Dataset.numberedClasses(2));
    }

    @Test
    void rectangularKernelsKeepTheSizeAndStrideHalvesIt() {
        LayerChain chain = LayerChain.parse("3x7:24/1-1x5:36/2");
        ChainNetwork net = new ChainNetwork(chain, new int[] {1, 8, 8}, 1, 10, new SplittableRandom(1));
        Tape tape = Tape.inference(Parallelism.single());
        Tensor out = net.forward(tape, Tensor.zeros(3, 64));
        assertThat(out.shape()).containsExactly(3, 10);
        RectConv2d conv = new RectConv2d(2, 4, 3, 7, 1, new SplittableRandom(2));
        Tensor y = conv.forward(tape, Tensor.zeros(1, 2, 9, 11));
        assertThat(y.shape()).containsExactly(1, 4, 9, 11);
        assertThat(new RectConv2d(2, 4, 5, 1, 2, new SplittableRandom(2)).forward(tape, Tensor.zeros(1, 2, 9, 11)).shape())
                .containsExactly(1, 4, 5, 6);
    }

    @Test
    void trainingLearnsAnEasyTaskAndLeavesMaskedWeightsZero() {
        LayerChain chain = LayerChain.parse("3x5:24/2");
        ChainEvaluator eval = new ChainEvaluator(bars(136, 1), new ChainTraining(96, 40, 2, 16, 1e-2, 1), 7);
        double acc = eval.evaluate(chain, TrialContext.detached(0, new SplittableRandom(3), Parallelism.single())).value();
        assertThat(acc).isGreaterThan(80.0);
        double again = eval.evaluate(chain, TrialContext.detached(0, new SplittableRandom(3), Parallelism.single())).value();
        assertThat(again).isEqualTo(acc);
        assertThat(eval.id()).isEqualTo("chain-train:bars");

        // A 3x5 kernel in a 5x5 square: rows 0 and 4 are masked and get no gradient.
        RectConv2d conv = new RectConv2d(1, 1, 3, 5, 1, new SplittableRandom(4));
        Tape tape = Tape.training(Parallelism.single());
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 1, 3, 3);
        Tensor loss = dev.connectome.engine.ops.Reductions.sum(tape, conv.forward(tape, x));
        tape.backward(loss);
        float[] g = tape.grad(conv.weight());
        float[] w = conv.weight().data();
        for (int c = 0; c < 5; c++) {
            assertThat(w[c]).isZero();
            assertThat(w[20 + c]).isZero();
            assertThat(g[c]).isZero();
            assertThat(g[20 + c]).isZero();
        }
        assertThat(g[5 + 2]).isNotZero();
    }

    @Test
    void tooFewImagesIsAClearError() {
        assertThatThrownBy(() -> new ChainEvaluator(bars(20, 1), new ChainTraining(15, 10, 1, 4, 1e-3, 1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bars' has 20 images");
    }
}
