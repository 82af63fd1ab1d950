package dev.connectome.engine.ops;

import static dev.connectome.engine.GradCheck.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Masking: values by hand, gradients by finite differences (tolerance: see {@link GradCheck}). */
class MaskingTest {
    private static final double TOL = 1e-2;

    private static Tensor binaryMask(SplittableRandom rng, int... shape) {
        float[] m = new float[Tensor.sizeOf(shape)];
        for (int i = 0; i < m.length; i++) {
            m[i] = rng.nextBoolean() ? 1f : 0f;
        }
        return Tensor.of(m, shape);
    }

    @Test
    void maskedMultiplyGradients() {
        SplittableRandom rng = new SplittableRandom(51);
        for (int trial = 0; trial < 4; trial++) {
            int[] shape = GradCheck.randomShape(rng, 2, 6);
            Tensor x = GradCheck.uniform(rng, -1, 1, shape);
            Tensor full = binaryMask(rng, shape);
            Tensor row = binaryMask(rng, shape[1]);
            assertGradients(t -> Masking.maskedMultiply(t, x, full), TOL, x);
            assertGradients(t -> Masking.maskedMultiply(t, x, row), TOL, x);
        }
    }

    @Test
    void maskedMultiplyValuesAndErrors() {
        Tape t = Tape.training(Parallelism.single());
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        assertThat(Masking.maskedMultiply(t, x, Tensor.of(new float[] {0, 1}, 2)).data()).containsExactly(0, 2, 0, 4);
        assertThatThrownBy(() -> Masking.maskedMultiply(t, x, Tensor.zeros(3)))
                .hasMessageContaining("maskedMultiply").hasMessageContaining("[3]");
        assertThatThrownBy(() -> Masking.maskedMultiply(t, x, Tensor.parameter(new float[4], 2, 2)))
                .hasMessageContaining("constant");
    }

    @Test
    void maskedSelectGradients() {
        SplittableRandom rng = new SplittableRandom(52);
        for (int trial = 0; trial < 4; trial++) {
            Tensor x = GradCheck.uniform(rng, -1, 1, GradCheck.randomShape(rng, rng.nextInt(1, 4), 5));
            boolean[] keep = new boolean[x.size()];
            for (int i = 0; i < keep.length; i++) {
                keep[i] = rng.nextBoolean();
            }
            keep[rng.nextInt(keep.length)] = true; // at least one value, so there is a loss to check
            assertGradients(t -> Masking.maskedSelect(t, x, keep), TOL, x);
        }
    }

    @Test
    void maskedSelectValuesAndScatter() {
        Tape t = Tape.training(Parallelism.single());
        Tensor x = Tensor.parameter(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        boolean[] keep = {true, false, false, true, true, false};
        Tensor y = Masking.maskedSelect(t, x, keep);
        assertThat(y.shape()).containsExactly(3);
        assertThat(y.data()).containsExactly(1, 4, 5);
        keep[1] = true; // the op keeps its own copy of the flags
        t.backward(GradCheck.weightedSum(t, y, new float[] {10, 20, 30}));
        assertThat(x.grad()).containsExactly(10, 0, 0, 20, 30, 0);
        assertThatThrownBy(() -> Masking.maskedSelect(t, x, new boolean[5])).hasMessageContaining("5 flags");
    }
}
