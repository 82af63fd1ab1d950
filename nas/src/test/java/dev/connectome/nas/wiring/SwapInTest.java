package dev.connectome.nas.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.ops.Losses;
import dev.connectome.engine.optim.Sgd;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A constructed case: one output, two candidate edges, budget one. The target is 0.5·x0 + 2·x1 with
 * independent inputs, and the edge from x0 starts chosen (|0.5| &gt; |0.1|). Alone, x0's best weight
 * is 0.5, so it never shrinks below the unused edge; only DNW, whose gradient reaches the unused
 * edge, lets w1 grow (towards 2) until it swaps in.
 */
class SwapInTest {

    private static float[][] train(WiringVariant variant, boolean[][] initialFlags) {
        SparseLinear layer = new SparseLinear(2, 1, 0.5, variant, Init.zeros(), new SplittableRandom(1));
        layer.weight().data()[0] = 0.5f;
        layer.weight().data()[1] = 0.1f;
        Sgd sgd = new Sgd(layer.parameters(), Sgd.Settings.of(0.05));
        SplittableRandom rng = new SplittableRandom(2);
        Tape tape = Tape.training(Parallelism.single());
        int n = 32;
        float[] x = new float[n * 2], y = new float[n];
        boolean first = true;
        for (int step = 0; step < 300; step++) {
            for (int i = 0; i < n; i++) {
                x[2 * i] = (float) rng.nextGaussian();
                x[2 * i + 1] = (float) rng.nextGaussian();
                y[i] = 0.5f * x[2 * i] + 2f * x[2 * i + 1];
            }
            tape.reset();
            Tensor loss = Losses.mse(tape, layer.forward(tape, Tensor.of(x, n, 2)), Tensor.of(y, n, 1));
            if (first) {
                initialFlags[0] = layer.selection().active()[0].clone();
                first = false;
            }
            sgd.zeroGrad();
            tape.backward(loss);
            sgd.step();
        }
        tape.reset();
        layer.forward(tape, Tensor.of(x, n, 2));
        return new float[][] {layer.weight().data().clone(), flags(layer.selection().active()[0])};
    }

    private static float[] flags(boolean[] f) {
        float[] out = new float[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i] ? 1 : 0;
        }
        return out;
    }

    @Test
    void anUnusedEdgeGrowsAndSwapsInUnderDnw() {
        boolean[][] initial = new boolean[1][];
        float[][] dnw = train(new Dnw(), initial);
        assertThat(initial[0]).containsExactly(true, false);
        assertThat(dnw[1]).as("x1's edge replaced x0's").containsExactly(0f, 1f);
        assertThat(dnw[0][1]).as("w1 grew towards 2").isGreaterThan(1.5f);
    }

    @Test
    void withoutGradientToUnusedEdgesNoSwapHappens() {
        boolean[][] initial = new boolean[1][];
        float[][] noUpdate = train(new DnwNoUpdate(), initial);
        assertThat(noUpdate[1]).containsExactly(1f, 0f);
        assertThat(noUpdate[0][1]).as("the unused weight never moved").isEqualTo(0.1f);
        assertThat(noUpdate[0][0]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.1f));
    }
}
