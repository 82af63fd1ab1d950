package dev.connectome.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Losses;
import dev.connectome.engine.optim.Adam;
import dev.connectome.engine.optim.Optimizer;
import dev.connectome.engine.optim.Sgd;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MlpTest {
    private static final float[] XOR_X = {0, 0, 0, 1, 1, 0, 1, 1};
    private static final int[] XOR_Y = {0, 1, 1, 0};

    @Test
    void mnistSizedMlpHasTheTextbookParameterCount() {
        Sequential net = Mlp.of(784, new int[] {200, 200}, 10, Activation.RELU, new SplittableRandom(0));
        assertThat(net.parameterCount()).isEqualTo(199_210);
        assertThat(net.size()).isEqualTo(5);
        assertThat(net.get(1)).isSameAs(Activation.RELU);
        assertThat(net.namedParameters().keySet())
                .containsExactly("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias");
        for (float v : ((Linear) net.get(0)).weight().data()) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo((float) (1 / Math.sqrt(784)));
        }
    }

    @Test
    void sameSeedSameNetwork() {
        float[] a = Parameters.flatten(Mlp.of(3, new int[] {5}, 2, Activation.TANH, new SplittableRandom(9)));
        float[] b = Parameters.flatten(Mlp.of(3, new int[] {5}, 2, Activation.TANH, new SplittableRandom(9)));
        assertThat(a).isEqualTo(b);
    }

    private static double trainXor(Optimizer opt, Sequential net, int steps, Tape tape, long[] floatsAfterFirst) {
        double loss = Double.NaN;
        for (int s = 0; s < steps; s++) {
            tape.reset();
            opt.zeroGrad();
            Tensor x = tape.input(XOR_X, 0, 4, 2);
            Tensor l = Losses.softmaxCrossEntropy(tape, net.forward(tape, x), XOR_Y, 0);
            tape.backward(l);
            opt.step();
            loss = l.item();
            if (s == 0) {
                floatsAfterFirst[0] = tape.arena().allocatedFloats();
            }
        }
        return loss;
    }

    private static void assertSolvesXor(Sequential net) {
        Tape tape = Tape.inference(Parallelism.single());
        Tensor logits = net.forward(tape, Tensor.of(XOR_X, 4, 2));
        for (int r = 0; r < 4; r++) {
            int predicted = logits.get(r, 1) > logits.get(r, 0) ? 1 : 0;
            assertThat(predicted).as("xor row %d", r).isEqualTo(XOR_Y[r]);
        }
    }

    @Test
    void learnsXorWithAdamWithoutAllocatingAfterTheFirstStep() {
        Sequential net = Mlp.of(2, new int[] {8}, 2, Activation.TANH, new SplittableRandom(1));
        Tape tape = Tape.training(Parallelism.single());
        long[] first = new long[1];
        double loss = trainXor(new Adam(net.parameters(), Adam.Settings.of(0.05)), net, 300, tape, first);
        assertThat(loss).isLessThan(0.05);
        assertSolvesXor(net);
        assertThat(tape.arena().allocatedFloats()).as("arena reuse").isEqualTo(first[0]);
    }

    @Test
    void learnsXorWithSgdMomentumAndRelu() {
        Sequential net = Mlp.of(2, new int[] {16}, 2, Activation.RELU, new SplittableRandom(2));
        Tape tape = Tape.training(Parallelism.single());
        double loss = trainXor(new Sgd(net.parameters(), Sgd.Settings.of(0.1).withMomentum(0.9)), net, 500, tape,
                new long[1]);
        assertThat(loss).isLessThan(0.05);
        assertSolvesXor(net);
    }
}
