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
 * TopKMask: the masked op by finite differences; the straight-through op by its definition (the
 * gradient of every weight, chosen or not, is the dense gradient at the masked weights).
 */
class TopKMaskTest {
    private static final double TOL = 1e-2;

    private static boolean[] randomKeep(SplittableRandom rng, int n) {
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = rng.nextBoolean();
        }
        return keep;
    }

    @Test
    void maskedGradientsByFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(61);
        for (int trial = 0; trial < 4; trial++) {
            Tensor x = GradCheck.uniform(rng, -1, 1, 3, 4);
            Tensor w = GradCheck.uniform(rng, -1, 1, 4, 5);
            boolean[] keep = randomKeep(rng, w.size());
            assertGradients(t -> MatrixOps.matmul(t, x, TopKMask.masked(t, w, keep)), TOL, w);
        }
    }

    @Test
    void straightThroughMatchesFiniteDifferencesOnChosenWeightsAndDenseGradientEverywhere() {
        SplittableRandom rng = new SplittableRandom(62);
        Tensor x = GradCheck.uniform(rng, -1, 1, 3, 4);
        Tensor w = GradCheck.uniform(rng, -1, 1, 4, 5);
        boolean[] keep = randomKeep(rng, w.size());
        // dense reference: the same product with the masked values as ordinary weights
        float[] maskedValues = w.data().clone();
        for (int i = 0; i < keep.length; i++) {
            maskedValues[i] = keep[i] ? maskedValues[i] : 0f;
        }
        Tensor dense = Tensor.parameter(maskedValues, 4, 5);
        Tape tape = Tape.training(Parallelism.single());
        tape.backward(GradCheck.weightedSum(tape, MatrixOps.matmul(tape, x, dense), 7L));
        tape.reset();
        tape.backward(GradCheck.weightedSum(tape, MatrixOps.matmul(tape, x, TopKMask.straightThrough(tape, w, keep)), 7L));
        assertThat(w.grad()).containsExactly(dense.grad());
        boolean unchosenMoved = false;
        for (int i = 0; i < keep.length; i++) {
            unchosenMoved |= !keep[i] && w.grad()[i] != 0f;
        }
        assertThat(unchosenMoved).as("unchosen weights get a gradient too").isTrue();
        // where a weight is chosen the op is the identity, so finite differences agree there
        Tensor chosenOnly = Tensor.parameter(w.data().clone(), 4, 5);
        boolean[] all = new boolean[w.size()];
        java.util.Arrays.fill(all, true);
        assertGradients(t -> MatrixOps.matmul(t, x, TopKMask.straightThrough(t, chosenOnly, all)), TOL, chosenOnly);
    }

    @Test
    void forwardZeroesUnchosenAndChecksLength() {
        Tape t = Tape.training(Parallelism.single());
        Tensor w = Tensor.parameter(new float[] {1, -2, 3, -4}, 2, 2);
        boolean[] keep = {true, false, false, true};
        assertThat(TopKMask.straightThrough(t, w, keep).data()).containsExactly(1, 0, 0, -4);
        assertThat(TopKMask.masked(t, w, keep).data()).containsExactly(1, 0, 0, -4);
        assertThat(TopKMask.masked(t, w, keep).shape()).containsExactly(2, 2);
        assertThatThrownBy(() -> TopKMask.masked(t, w, new boolean[3])).hasMessageContaining("3 flags");
    }
}
