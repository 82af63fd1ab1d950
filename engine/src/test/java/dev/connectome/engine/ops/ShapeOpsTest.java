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

/** Shape ops: values by hand, gradients by finite differences (tolerance: see {@link GradCheck}). */
class ShapeOpsTest {
    private static final double TOL = 1e-2;

    private static Tape tape() {
        return Tape.training(Parallelism.single());
    }

    @Test
    void reshapeGradientAndSharing() {
        SplittableRandom rng = new SplittableRandom(41);
        Tensor x = GradCheck.uniform(rng, -1, 1, 4, 6);
        // Squaring after the reshape makes the gradient depend on where each value went.
        assertGradients(t -> Activations.square(t, ShapeOps.reshape(t, x, 3, -1, 2)), TOL, x);
        Tensor y = ShapeOps.reshape(tape(), x, -1);
        assertThat(y.shape()).containsExactly(24);
        assertThat(y.data()).isSameAs(x.data());
    }

    @Test
    void reshapeRejectsBadShapes() {
        Tensor x = Tensor.zeros(4, 6);
        assertThatThrownBy(() -> ShapeOps.reshape(tape(), x, 5, 5)).hasMessageContaining("24");
        assertThatThrownBy(() -> ShapeOps.reshape(tape(), x, -1, -1)).hasMessageContaining("one −1");
        assertThatThrownBy(() -> ShapeOps.reshape(tape(), x, 5, -1)).hasMessageContaining("infer");
        assertThatThrownBy(() -> ShapeOps.reshape(tape(), x, -2, 12)).hasMessageContaining("negative");
    }

    @Test
    void transposeGradientAndValues() {
        SplittableRandom rng = new SplittableRandom(42);
        for (int trial = 0; trial < 4; trial++) {
            Tensor x = GradCheck.uniform(rng, -1, 1, GradCheck.randomShape(rng, 2, 6));
            assertGradients(t -> ShapeOps.transpose(t, x), TOL, x);
        }
        Tensor y = ShapeOps.transpose(tape(), Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
        assertThat(y.shape()).containsExactly(3, 2);
        assertThat(y.data()).containsExactly(1, 4, 2, 5, 3, 6);
        assertThatThrownBy(() -> ShapeOps.transpose(tape(), Tensor.zeros(3))).hasMessageContaining("transpose");
    }

    @Test
    void concatGradients() {
        SplittableRandom rng = new SplittableRandom(43);
        for (int trial = 0; trial < 4; trial++) {
            int shared = rng.nextInt(1, 5);
            Tensor a = GradCheck.uniform(rng, -1, 1, rng.nextInt(1, 4), shared);
            Tensor b = GradCheck.uniform(rng, -1, 1, rng.nextInt(1, 4), shared);
            Tensor c = Tensor.of(new float[shared * 2], 2, shared); // a constant part in the middle
            assertGradients(t -> ShapeOps.concat(t, 0, a, c, b), TOL, a, b);
            Tensor d = GradCheck.uniform(rng, -1, 1, shared, rng.nextInt(1, 4));
            Tensor e = GradCheck.uniform(rng, -1, 1, shared, rng.nextInt(1, 4));
            assertGradients(t -> ShapeOps.concat(t, 1, d, Tensor.zeros(shared, 2), e), TOL, d, e);
        }
    }

    @Test
    void concatValuesAndErrors() {
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4}, 2, 2);
        Tensor b = Tensor.of(new float[] {5, 6}, 2, 1);
        Tensor side = ShapeOps.concat(tape(), 1, a, b);
        assertThat(side.shape()).containsExactly(2, 3);
        assertThat(side.data()).containsExactly(1, 2, 5, 3, 4, 6);
        Tensor stacked = ShapeOps.concat(tape(), 0, a, Tensor.of(new float[] {7, 8}, 1, 2));
        assertThat(stacked.data()).containsExactly(1, 2, 3, 4, 7, 8);
        assertThatThrownBy(() -> ShapeOps.concat(tape(), 0, a, b)).hasMessageContaining("differs");
        assertThatThrownBy(() -> ShapeOps.concat(tape(), 2, a)).hasMessageContaining("axis");
        assertThatThrownBy(() -> ShapeOps.concat(tape(), 0)).hasMessageContaining("no tensors");
    }

    @Test
    void sliceRowsGradientAndValues() {
        SplittableRandom rng = new SplittableRandom(44);
        for (int trial = 0; trial < 4; trial++) {
            int[] shape = GradCheck.randomShape(rng, rng.nextInt(1, 4), 5);
            Tensor x = GradCheck.uniform(rng, -1, 1, shape);
            int from = rng.nextInt(shape[0]), to = rng.nextInt(from + 1, shape[0] + 1);
            assertGradients(t -> ShapeOps.sliceRows(t, x, from, to), TOL, x);
        }
        Tensor y = ShapeOps.sliceRows(tape(), Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2), 1, 3);
        assertThat(y.shape()).containsExactly(2, 2);
        assertThat(y.data()).containsExactly(3, 4, 5, 6);
        assertThatThrownBy(() -> ShapeOps.sliceRows(tape(), Tensor.zeros(3, 2), 2, 4)).hasMessageContaining("3 rows");
    }

    @Test
    void gatherRowsGradientWithRepeats() {
        SplittableRandom rng = new SplittableRandom(45);
        for (int trial = 0; trial < 4; trial++) {
            int[] shape = GradCheck.randomShape(rng, rng.nextInt(1, 4), 5);
            Tensor x = GradCheck.uniform(rng, -1, 1, shape);
            int[] rows = rng.ints(rng.nextInt(1, 8), 0, shape[0]).toArray();
            assertGradients(t -> ShapeOps.gatherRows(t, x, rows), TOL, x);
        }
        Tape t = tape();
        Tensor x = Tensor.parameter(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        int[] rows = {2, 0, 2};
        Tensor y = ShapeOps.gatherRows(t, x, rows);
        assertThat(y.data()).containsExactly(5, 6, 1, 2, 5, 6);
        rows[0] = 1; // the op keeps its own copy of the indices
        t.backward(Reductions.sum(t, y));
        assertThat(x.grad()).containsExactly(1, 1, 0, 0, 2, 2);
        assertThatThrownBy(() -> ShapeOps.gatherRows(tape(), x, new int[] {0, 3})).hasMessageContaining("index 3");
    }
}
