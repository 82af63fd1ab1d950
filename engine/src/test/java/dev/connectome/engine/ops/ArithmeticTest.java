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

/**
 * Arithmetic: values against hand-computed results, gradients against finite differences over random
 * shapes and every broadcast mode. Tolerance 1e-2: see {@link GradCheck} for why correct float
 * gradients land near 1e-4 and wrong ones near 1.
 */
class ArithmeticTest {
    private static final double TOL = 1e-2;
    private static final int TRIALS = 4;

    interface BinaryOp {
        Tensor apply(Tape tape, Tensor a, Tensor b);
    }

    private static Tape tape() {
        return Tape.training(Parallelism.single());
    }

    /** Checks d/da and d/db of op for same-shape, row and scalar b, over random shapes. */
    private static void checkBinary(BinaryOp op, long seed, boolean bAwayFromZero) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int trial = 0; trial < TRIALS; trial++) {
            int[] shape = GradCheck.randomShape(rng, 2, 6);
            int rank = rng.nextInt(1, 3);
            int[] aShape = rank == 2 ? shape : new int[] {shape[0] * shape[1]};
            int[][] bShapes = rank == 2
                    ? new int[][] {aShape, {shape[1]}, {1, shape[1]}, {1}, {}}
                    : new int[][] {aShape, {1}};
            for (int[] bShape : bShapes) {
                Tensor a = GradCheck.uniform(rng, -2, 2, aShape);
                // Divisors stay in ±[0.5, 2) so that 1/b and its derivatives stay of order one.
                Tensor b = bAwayFromZero ? GradCheck.awayFromZero(rng, 0.5, 2, bShape) : GradCheck.uniform(rng, -2, 2, bShape);
                assertGradients(t -> op.apply(t, a, b), TOL, a, b);
            }
        }
    }

    @Test
    void addGradients() {
        checkBinary(Arithmetic::add, 11, false);
    }

    @Test
    void subGradients() {
        checkBinary(Arithmetic::sub, 12, false);
    }

    @Test
    void mulGradients() {
        checkBinary(Arithmetic::mul, 13, false);
    }

    @Test
    void divGradients() {
        checkBinary(Arithmetic::div, 14, true);
    }

    @Test
    void gradientFlowsToOneSideOnly() {
        SplittableRandom rng = new SplittableRandom(15);
        Tensor a = GradCheck.uniform(rng, -1, 1, 3, 5);
        Tensor b = Tensor.of(new float[] {1, 2, 3, 4, 5}, 5);
        assertGradients(t -> Arithmetic.mul(t, a, b), TOL, a);
        Tensor c = Tensor.of(new float[15], 3, 5);
        Tensor bias = GradCheck.uniform(rng, -1, 1, 5);
        assertGradients(t -> Arithmetic.div(t, c, Arithmetic.addScalar(t, bias, 3f)), TOL, bias);
    }

    @Test
    void scalarOpGradients() {
        SplittableRandom rng = new SplittableRandom(16);
        for (int trial = 0; trial < TRIALS; trial++) {
            Tensor x = GradCheck.uniform(rng, -2, 2, GradCheck.randomShape(rng, rng.nextInt(1, 4), 5));
            float s = (float) rng.nextDouble(0.5, 3);
            assertGradients(t -> Arithmetic.neg(t, x), TOL, x);
            assertGradients(t -> Arithmetic.addScalar(t, x, s), TOL, x);
            assertGradients(t -> Arithmetic.rsubScalar(t, s, x), TOL, x);
            assertGradients(t -> Arithmetic.mulScalar(t, x, -s), TOL, x);
            assertGradients(t -> Arithmetic.divScalar(t, x, s), TOL, x);
        }
    }

    @Test
    void forwardValues() {
        Tape t = tape();
        Tensor a = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor row = Tensor.of(new float[] {10, 20, 30}, 3);
        Tensor two = Tensor.scalar(2);
        assertThat(Arithmetic.add(t, a, row).data()).containsExactly(11, 22, 33, 14, 25, 36);
        assertThat(Arithmetic.sub(t, a, Tensor.of(new float[] {1, 1, 1}, 1, 3)).data()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(Arithmetic.mul(t, a, a).data()).containsExactly(1, 4, 9, 16, 25, 36);
        assertThat(Arithmetic.div(t, a, two).data()).containsExactly(0.5f, 1, 1.5f, 2, 2.5f, 3);
        assertThat(Arithmetic.neg(t, a).data()).containsExactly(-1, -2, -3, -4, -5, -6);
        assertThat(Arithmetic.rsubScalar(t, 1, a).data()).containsExactly(0, -1, -2, -3, -4, -5);
        assertThat(Arithmetic.divScalar(t, a, 4).data()).containsExactly(0.25f, 0.5f, 0.75f, 1, 1.25f, 1.5f);
        assertThat(Arithmetic.add(t, a, row).shape()).containsExactly(2, 3);
    }

    @Test
    void rowBiasGradientIsTheColumnSum() {
        Tape t = tape();
        Tensor x = Tensor.parameter(new float[6], 2, 3);
        Tensor bias = Tensor.parameter(new float[3], 3);
        Tensor y = Arithmetic.add(t, x, bias);
        t.backward(GradCheck.weightedSum(t, y, new float[] {1, 2, 3, 4, 5, 6}));
        assertThat(bias.grad()).containsExactly(5, 7, 9);
        assertThat(x.grad()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void rejectsShapesThatDoNotBroadcast() {
        Tape t = tape();
        Tensor a = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> Arithmetic.add(t, a, Tensor.zeros(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add").hasMessageContaining("[2]").hasMessageContaining("[2, 3]");
        assertThatThrownBy(() -> Arithmetic.mul(t, a, Tensor.zeros(3, 2))).hasMessageContaining("mul");
        assertThatThrownBy(() -> Arithmetic.sub(t, a, Tensor.zeros(2, 1))).hasMessageContaining("sub");
        // Broadcasting is one-way: a row cannot take a matrix.
        assertThatThrownBy(() -> Arithmetic.div(t, Tensor.zeros(3), a)).hasMessageContaining("div");
        assertThatThrownBy(() -> Arithmetic.divScalar(t, a, 0f)).hasMessageContaining("zero");
        assertThatThrownBy(() -> Arithmetic.mulScalar(t, a, Float.NaN)).hasMessageContaining("finite");
    }

    @Test
    void inferenceTapeRecordsNothing() {
        Tape t = Tape.inference(Parallelism.single());
        Tensor a = Tensor.parameter(new float[] {1, 2}, 2);
        Tensor y = Arithmetic.mul(t, Arithmetic.add(t, a, a), Tensor.scalar(3));
        assertThat(y.requiresGrad()).isFalse();
        assertThat(y.data()).containsExactly(6, 12);
        assertThat(t.recordCount()).isZero();
    }

    @Test
    void constantsRecordNothing() {
        Tape t = tape();
        Tensor y = Arithmetic.add(t, Tensor.zeros(2, 2), Tensor.zeros(2));
        assertThat(y.requiresGrad()).isFalse();
        assertThat(t.recordCount()).isZero();
    }

    @Test
    void usingATensorTwiceAccumulatesBothPaths() {
        Tape t = tape();
        Tensor a = Tensor.parameter(new float[] {3}, 1);
        t.backward(Arithmetic.mul(t, a, a)); // d(a²)/da = 2a
        assertThat(a.grad()).containsExactly(6);
    }
}
