package dev.connectome.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** How the ops use the tape: accumulation across passes, inference mode, and buffer reuse. */
class TapeBehaviourTest {
    private final SplittableRandom rng = new SplittableRandom(81);
    private final Tensor w1 = GradCheck.uniform(rng, -1, 1, 6, 8);
    private final Tensor b1 = GradCheck.uniform(rng, -1, 1, 8);
    private final Tensor w2 = GradCheck.uniform(rng, -1, 1, 8, 3);
    private final Tensor x = GradCheck.uniform(rng, -1, 1, 10, 6);
    private final int[] labels = rng.ints(10, 0, 3).toArray();

    /** A small MLP step touching most ops. */
    private Tensor loss(Tape t) {
        Tensor batch = ShapeOps.gatherRows(t, x, new int[] {0, 2, 4, 6, 8, 1});
        Tensor h = Activations.tanh(t, Arithmetic.add(t, MatrixOps.matmul(t, batch, w1), b1));
        Tensor masked = Masking.maskedMultiply(t, Activations.relu(t, h), Tensor.of(new float[] {1, 0, 1, 1, 0, 1, 1, 1}, 8));
        Tensor logits = MatrixOps.matmul(t, ShapeOps.reshape(t, masked, 6, 8), w2);
        Tensor ce = Losses.softmaxCrossEntropy(t, logits, labels);
        Tensor reg = Arithmetic.mulScalar(t, Reductions.mean(t, Activations.square(t, w1)), 0.01f);
        return Arithmetic.add(t, ce, reg);
    }

    @Test
    void backwardTwiceAccumulates() {
        Tape t = Tape.training(Parallelism.single());
        t.backward(loss(t));
        float[] once = w1.grad().clone();
        float[] onceBias = b1.grad().clone();
        t.reset();
        t.backward(loss(t));
        // Not bit-exact: the second pass adds its contributions onto a non-zero buffer, so the float
        // sums round differently; a few ulps is all that can differ.
        for (int i = 0; i < once.length; i++) {
            assertThat(w1.grad()[i]).isCloseTo(2 * once[i], within(1e-5f * Math.abs(once[i]) + 1e-9f));
        }
        for (int i = 0; i < onceBias.length; i++) {
            assertThat(b1.grad()[i]).isCloseTo(2 * onceBias[i], within(1e-5f * Math.abs(onceBias[i]) + 1e-9f));
        }
        assertThat(once).isNotEqualTo(new float[once.length]);
    }

    @Test
    void inferenceTapeRecordsNothingAndGivesTheSameLoss() {
        Tape train = Tape.training(Parallelism.single());
        float trained = loss(train).item();
        assertThat(train.recordCount()).isGreaterThan(5);
        Tape infer = Tape.inference(Parallelism.single());
        Tensor l = loss(infer);
        assertThat(infer.recordCount()).isZero();
        assertThat(l.requiresGrad()).isFalse();
        assertThat(l.item()).isEqualTo(trained);
    }

    @Test
    void resetReusesEveryBuffer() {
        Tape t = Tape.training(Parallelism.single());
        t.backward(loss(t));
        t.reset();
        long afterFirst = t.arena().allocatedFloats();
        for (int step = 0; step < 3; step++) {
            t.backward(loss(t));
            t.reset();
        }
        assertThat(afterFirst).isPositive();
        assertThat(t.arena().allocatedFloats()).isEqualTo(afterFirst);
    }
}
