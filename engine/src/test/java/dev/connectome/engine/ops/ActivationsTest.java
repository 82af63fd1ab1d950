package dev.connectome.engine.ops;

import static dev.connectome.engine.GradCheck.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * Activations: values against java.lang.Math in double, gradients against finite differences on
 * random shapes. Inputs stay 0.05 away from 0, more than the 2h = 0.02 reach of the stencil, so
 * relu and abs are differentiated away from their kink. Tolerance: see {@link GradCheck}.
 */
class ActivationsTest {
    private static final double TOL = 1e-2;

    private static void check(BiFunction<Tape, Tensor, Tensor> op, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int trial = 0; trial < 5; trial++) {
            Tensor x = GradCheck.awayFromZero(rng, 0.05, 3, GradCheck.randomShape(rng, rng.nextInt(1, 4), 5));
            assertGradients(t -> op.apply(t, x), TOL, x);
        }
    }

    @Test
    void reluGradient() {
        check(Activations::relu, 21);
    }

    @Test
    void tanhGradient() {
        check(Activations::tanh, 22);
    }

    @Test
    void sigmoidGradient() {
        check(Activations::sigmoid, 23);
    }

    @Test
    void sinGradient() {
        check(Activations::sin, 24);
    }

    @Test
    void cosGradient() {
        check(Activations::cos, 25);
    }

    @Test
    void gaussianGradient() {
        check(Activations::gaussian, 26);
    }

    @Test
    void absGradient() {
        check(Activations::abs, 27);
    }

    @Test
    void squareGradient() {
        check(Activations::square, 28);
    }

    @Test
    void stepPassesNoGradient() {
        SplittableRandom rng = new SplittableRandom(29);
        Tensor x = GradCheck.awayFromZero(rng, 0.05, 3, 4, 3);
        // x + step(x): the step term is piecewise constant, so the whole gradient comes from x.
        assertGradients(t -> Arithmetic.add(t, x, Activations.step(t, x)), TOL, x);
        Tape t = Tape.training(Parallelism.single());
        Tensor s = Activations.step(t, x);
        assertThat(s.requiresGrad()).isFalse();
        assertThat(t.recordCount()).isZero();
    }

    @Test
    void valuesMatchMath() {
        float[] v = {-30f, -2.5f, -1f, -0.25f, 0f, 0.25f, 1f, 2.5f, 30f};
        Tape t = Tape.inference(Parallelism.single());
        Tensor x = Tensor.of(v, 3, 3);
        float[] relu = Activations.relu(t, x).data();
        float[] tanh = Activations.tanh(t, x).data();
        float[] sig = Activations.sigmoid(t, x).data();
        float[] sin = Activations.sin(t, x).data();
        float[] cos = Activations.cos(t, x).data();
        float[] gauss = Activations.gaussian(t, x).data();
        float[] abs = Activations.abs(t, x).data();
        float[] sq = Activations.square(t, x).data();
        float[] step = Activations.step(t, x).data();
        for (int i = 0; i < v.length; i++) {
            double d = v[i];
            assertThat(relu[i]).isEqualTo(Math.max(v[i], 0f));
            assertThat((double) tanh[i]).isCloseTo(Math.tanh(d), within(1e-7));
            assertThat((double) sig[i]).isCloseTo(1 / (1 + Math.exp(-d)), within(1e-7));
            assertThat((double) sin[i]).isCloseTo(Math.sin(d), within(1e-6));
            assertThat((double) cos[i]).isCloseTo(Math.cos(d), within(1e-6));
            assertThat((double) gauss[i]).isCloseTo(Math.exp(-d * d / 2), within(1e-7));
            assertThat(abs[i]).isEqualTo(Math.abs(v[i]));
            assertThat(sq[i]).isEqualTo(v[i] * v[i]);
            assertThat(step[i]).isEqualTo(v[i] > 0 ? 1f : 0f);
        }
    }

    @Test
    void sigmoidSaturatesWithoutNaN() {
        Tape t = Tape.training(Parallelism.single());
        Tensor x = Tensor.parameter(new float[] {-1000f, 1000f}, 2);
        Tensor y = Activations.sigmoid(t, x);
        assertThat(y.data()).containsExactly(0f, 1f);
        t.backward(GradCheck.weightedSum(t, y, new float[] {1, 1}));
        assertThat(x.grad()).containsExactly(0f, 0f);
    }

    @Test
    void reluAndAbsUseZeroDerivativeAtZero() {
        Tape t = Tape.training(Parallelism.single());
        Tensor x = Tensor.parameter(new float[] {0f}, 1);
        t.backward(Arithmetic.add(t, Activations.relu(t, x), Activations.abs(t, x)));
        assertThat(x.grad()).containsExactly(0f);
    }
}
