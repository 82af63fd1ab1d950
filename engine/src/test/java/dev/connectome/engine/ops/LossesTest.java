package dev.connectome.engine.ops;

import static dev.connectome.engine.GradCheck.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Losses: values against double-precision references, gradients by finite differences. */
class LossesTest {
    private static final double TOL = 1e-2;

    @Test
    void crossEntropyGradients() {
        SplittableRandom rng = new SplittableRandom(61);
        for (int trial = 0; trial < 5; trial++) {
            int rows = rng.nextInt(1, 6), classes = rng.nextInt(2, 7);
            Tensor logits = GradCheck.uniform(rng, -3, 3, rows, classes);
            int[] labels = rng.ints(rows + 2, 0, classes).toArray();
            assertGradients(t -> Losses.softmaxCrossEntropy(t, logits, labels, 2), TOL, logits);
        }
    }

    @Test
    void crossEntropyMatchesADoubleReference() {
        SplittableRandom rng = new SplittableRandom(62);
        int rows = 4, classes = 5;
        float[] x = new float[rows * classes];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-4, 4);
        }
        int[] labels = {0, 4, 2, 2};
        double expected = 0;
        for (int r = 0; r < rows; r++) {
            double z = 0;
            for (int c = 0; c < classes; c++) {
                z += Math.exp(x[r * classes + c]);
            }
            expected += Math.log(z) - x[r * classes + labels[r]];
        }
        expected /= rows;
        Tape t = Tape.inference(Parallelism.single());
        assertThat((double) Losses.softmaxCrossEntropy(t, Tensor.of(x, rows, classes), labels).item())
                .isCloseTo(expected, within(1e-6 * Math.abs(expected) + 1e-7));
    }

    @Test
    void crossEntropyIsStableForHugeLogits() {
        Tape t = Tape.training(Parallelism.single());
        Tensor logits = Tensor.parameter(new float[] {1000f, -1000f, 0f, 0f}, 2, 2);
        Tensor loss = Losses.softmaxCrossEntropy(t, logits, new int[] {1, 0});
        assertThat(loss.item()).isCloseTo((2000f + (float) Math.log(2)) / 2, within(1e-3f));
        t.backward(loss);
        assertThat(logits.grad()).containsExactly(0.5f, -0.5f, -0.25f, 0.25f);
    }

    @Test
    void crossEntropyBackwardDoesNotReadLabelsAgain() {
        Tape t = Tape.training(Parallelism.single());
        Tensor logits = Tensor.parameter(new float[] {0f, 0f}, 1, 2);
        int[] labels = {0};
        Tensor loss = Losses.softmaxCrossEntropy(t, logits, labels);
        labels[0] = 1; // a data loader refilling its label buffer before backward
        t.backward(loss);
        assertThat(logits.grad()).containsExactly(-0.5f, 0.5f);
    }

    @Test
    void crossEntropyRejectsBadLabels() {
        Tape t = Tape.training(Parallelism.single());
        Tensor logits = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> Losses.softmaxCrossEntropy(t, logits, new int[] {0, 3})).hasMessageContaining("label 3");
        assertThatThrownBy(() -> Losses.softmaxCrossEntropy(t, logits, new int[] {0})).hasMessageContaining("2 rows");
        assertThatThrownBy(() -> Losses.softmaxCrossEntropy(t, Tensor.zeros(3), new int[] {0})).hasMessageContaining("rank-2");
    }

    @Test
    void mseGradientsForBothArguments() {
        SplittableRandom rng = new SplittableRandom(63);
        for (int trial = 0; trial < 5; trial++) {
            int[] shape = GradCheck.randomShape(rng, rng.nextInt(1, 4), 5);
            Tensor p = GradCheck.uniform(rng, -2, 2, shape);
            Tensor y = GradCheck.uniform(rng, -2, 2, shape);
            assertGradients(t -> Losses.mse(t, p, y), TOL, p, y);
        }
    }

    @Test
    void mseValueAndErrors() {
        Tape t = Tape.training(Parallelism.single());
        Tensor p = Tensor.of(new float[] {1, 2, 3}, 3);
        Tensor y = Tensor.of(new float[] {1, 0, 6}, 3);
        assertThat(Losses.mse(t, p, y).item()).isEqualTo((0f + 4f + 9f) / 3f);
        assertThatThrownBy(() -> Losses.mse(t, p, Tensor.zeros(1, 3))).hasMessageContaining("mse");
    }
}
