package dev.connectome.nas.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Convolution;
import dev.connectome.engine.ops.Reductions;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** SparseConv2d: k weights used, and DNW's gradient equals the dense conv's gradient at the masked weights. */
class SparseConv2dTest {

    @Test
    void keepsTheFractionAndPassesTheDenseGradientToAllWeights() {
        SparseConv2d conv = new SparseConv2d(3, 4, 3, 1, 1, 1, true, 0.2, new Dnw(), new SplittableRandom(1));
        assertThat(conv.activeWeights()).isEqualTo(108 - (int) Math.floor(0.8 * 108));
        SplittableRandom rng = new SplittableRandom(2);
        float[] xs = new float[2 * 3 * 5 * 5];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (float) rng.nextGaussian();
        }
        Tensor x = Tensor.of(xs, 2, 3, 5, 5);
        Tape tape = Tape.training(Parallelism.single());
        Tensor y = conv.forward(tape, x);
        assertThat(y.shape()).containsExactly(2, 4, 5, 5);
        tape.backward(Reductions.sum(tape, y));

        boolean[] keep = conv.selection().active()[0];
        int kept = 0;
        float[] masked = conv.weight().data().clone();
        for (int i = 0; i < keep.length; i++) {
            kept += keep[i] ? 1 : 0;
            masked[i] = keep[i] ? masked[i] : 0f;
        }
        assertThat(kept).isEqualTo(conv.activeWeights());
        Tensor w = Tensor.parameter(masked, 4, 3, 3, 3);
        Tape t2 = Tape.training(Parallelism.single());
        t2.backward(Reductions.sum(t2, Convolution.conv2d(t2, x, w, null, 1, 1, 1)));
        assertThat(conv.weight().grad()).containsExactly(w.grad());
    }
}
