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

/** Reductions: values by hand, gradients by finite differences (tolerance: see {@link GradCheck}). */
class ReductionsTest {
    private static final double TOL = 1e-2;

    @Test
    void wholeTensorGradients() {
        SplittableRandom rng = new SplittableRandom(31);
        for (int trial = 0; trial < 5; trial++) {
            Tensor x = GradCheck.uniform(rng, -2, 2, GradCheck.randomShape(rng, rng.nextInt(1, 4), 6));
            assertGradients(t -> Reductions.sum(t, x), TOL, x);
            assertGradients(t -> Reductions.mean(t, x), TOL, x);
        }
    }

    @Test
    void axisGradients() {
        SplittableRandom rng = new SplittableRandom(32);
        for (int trial = 0; trial < 5; trial++) {
            Tensor x = GradCheck.uniform(rng, -2, 2, GradCheck.randomShape(rng, 2, 7));
            for (int axis = 0; axis < 2; axis++) {
                int a = axis;
                assertGradients(t -> Reductions.sum(t, x, a), TOL, x);
                assertGradients(t -> Reductions.mean(t, x, a), TOL, x);
            }
        }
    }

    @Test
    void values() {
        Tape t = Tape.inference(Parallelism.single());
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        assertThat(Reductions.sum(t, x).item()).isEqualTo(21f);
        assertThat(Reductions.sum(t, x).rank()).isZero();
        assertThat(Reductions.mean(t, x).item()).isEqualTo(3.5f);
        Tensor cols = Reductions.sum(t, x, 0);
        assertThat(cols.shape()).containsExactly(3);
        assertThat(cols.data()).containsExactly(5, 7, 9);
        Tensor rows = Reductions.sum(t, x, 1);
        assertThat(rows.shape()).containsExactly(2);
        assertThat(rows.data()).containsExactly(6, 15);
        assertThat(Reductions.mean(t, x, 0).data()).containsExactly(2.5f, 3.5f, 4.5f);
        assertThat(Reductions.mean(t, x, 1).data()).containsExactly(2, 5);
    }

    @Test
    void wholeSumIsAccurateForLongInputs() {
        // 1e6 copies of 0.1f: a float accumulator drifts by ~1%, the double one is exact to float precision.
        float[] v = new float[1_000_000];
        java.util.Arrays.fill(v, 0.1f);
        Tape t = Tape.inference(Parallelism.single());
        assertThat((double) Reductions.sum(t, Tensor.of(v, v.length)).item())
                .isCloseTo(1_000_000 * (double) 0.1f, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void rejectsBadArguments() {
        Tape t = Tape.inference(Parallelism.single());
        assertThatThrownBy(() -> Reductions.sum(t, Tensor.zeros(2, 3), 2)).hasMessageContaining("axis");
        assertThatThrownBy(() -> Reductions.sum(t, Tensor.zeros(2, 3, 4), 0)).hasMessageContaining("rank-2");
        assertThatThrownBy(() -> Reductions.mean(t, Tensor.zeros(0, 3), 0)).hasMessageContaining("empty");
        assertThatThrownBy(() -> Reductions.mean(t, Tensor.zeros(0))).hasMessageContaining("empty");
    }
}
