package dev.connectome.nas.cell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Losses;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EnasSupernetTest {

    @Test
    void aChildTrainsOnlyTheSharedWeightsItUses() {
        EnasSupernet net = new EnasSupernet(5, 4, 3, 3, new SplittableRandom(1));
        EnasCell cell = EnasCell.parse("0:relu,0:tanh,2:identity"); // uses edges 0→1, 0→2, 2→3; leaves 1, 3
        float[] xs = new float[2 * 5];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (i % 7 - 3) / 3f;
        }
        Tape tape = Tape.training(Parallelism.single());
        Tensor loss = Losses.softmaxCrossEntropy(tape, net.logits(tape, Tensor.of(xs, 2, 5), cell), new int[] {0, 2});
        tape.backward(loss);
        // parameters: stem weight, stem bias, then edges 0→1; 0→2, 1→2; 0→3, 1→3, 2→3; head weight, bias
        boolean[] expectUsed = {true, true, true, true, false, false, false, true, true, true};
        assertThat(net.parameters()).hasSize(expectUsed.length);
        for (int p = 0; p < expectUsed.length; p++) {
            float[] g = net.parameters().get(p).grad();
            double norm = 0;
            for (float v : g) {
                norm += Math.abs(v);
            }
            assertThat(norm > 0).as("parameter %d used", p).isEqualTo(expectUsed[p]);
        }
    }
}
