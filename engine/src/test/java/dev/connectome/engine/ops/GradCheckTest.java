package dev.connectome.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The checker itself: it must pass right gradients and catch wrong ones. */
class GradCheckTest {
    @Test
    void passesMatmul() {
        SplittableRandom rng = new SplittableRandom(1);
        Tensor a = GradCheck.uniform(rng, -1, 1, 3, 4);
        Tensor b = GradCheck.uniform(rng, -1, 1, 4, 5);
        GradCheck.Result r = GradCheck.check(t -> GradCheck.weightedSum(t, MatrixOps.matmul(t, a, b), 3), a, b);
        assertThat(r.components()).isEqualTo(12 + 20);
        assertThat(r.maxError()).as(r.toString()).isLessThan(1e-2);
    }

    @Test
    void projectsMultiElementOutputs() {
        SplittableRandom rng = new SplittableRandom(4);
        Tensor a = GradCheck.uniform(rng, -1, 1, 4, 3);
        Tensor b = GradCheck.uniform(rng, -1, 1, 3, 2);
        GradCheck.Result r = GradCheck.check(t -> MatrixOps.matmul(t, a, b), a, b);
        assertThat(r.maxError()).as(r.toString()).isLessThan(1e-2);
    }

    @Test
    void catchesSwappedGradientIndices() {
        SplittableRandom rng = new SplittableRandom(5);
        Tensor x = GradCheck.uniform(rng, -1, 1, 4);
        // y = 2x, but the gradient goes to the mirrored index: only a projection with distinct weights sees it.
        GradCheck.Result r = GradCheck.check(t -> {
            Tensor y = t.output(true, 4);
            for (int i = 0; i < 4; i++) {
                y.data()[i] = 2 * x.data()[i];
            }
            t.record(y, g -> {
                for (int i = 0; i < 4; i++) {
                    t.grad(x)[3 - i] += 2 * g[i];
                }
            });
            return y;
        }, x);
        assertThat(r.maxError()).isGreaterThan(0.1);
    }

    @Test
    void catchesAWrongGradient() {
        SplittableRandom rng = new SplittableRandom(2);
        Tensor x = GradCheck.uniform(rng, -1, 1, 2, 3);
        // y = x² but with the gradient of 3x: wrong by 50% everywhere.
        GradCheck.Result r = GradCheck.check(t -> {
            Tensor y = t.output(true, 2, 3);
            for (int i = 0; i < 6; i++) {
                y.data()[i] = x.data()[i] * x.data()[i];
            }
            t.record(y, g -> {
                for (int i = 0; i < 6; i++) {
                    t.grad(x)[i] += g[i] * 3 * x.data()[i];
                }
            });
            return GradCheck.weightedSum(t, y, 5);
        }, x);
        assertThat(r.maxError()).isGreaterThan(0.3);
    }

    @Test
    void leavesParametersAsTheyWere() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor a = GradCheck.uniform(rng, -1, 1, 2, 2);
        float[] before = a.data().clone();
        GradCheck.check(t -> GradCheck.weightedSum(t, a, 1), a);
        assertThat(a.data()).containsExactly(before);
        assertThat(a.grad()).containsOnly(0f);
    }

    @Test
    void rejectsNonParameters() {
        Tensor c = Tensor.of(new float[] {1, 2}, 2);
        assertThatThrownBy(() -> GradCheck.check(t -> GradCheck.weightedSum(t, c, 1), c))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a parameter");
    }
}
