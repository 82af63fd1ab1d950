package dev.connectome.nas.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Losses;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The channel-level tiny classifier: shapes, the edge budget, and DNW's gradient to unused edges. */
class ChannelGraphNetTest {
    private static final ChannelGraphSpec SPEC = new ChannelGraphSpec(1, 12, new int[] {6, 5, 4}, 30, 8, 3);

    private static Tensor images(int n) {
        SplittableRandom rng = new SplittableRandom(5);
        float[] x = new float[n * 144];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return Tensor.of(x, n, 144);
    }

    @Test
    void logitsEdgesAndStraightThroughGradients() {
        ChannelGraphNet net = new ChannelGraphNet(SPEC, new Dnw(), new SplittableRandom(1));
        assertThat(SPEC.potentialEdges()).isEqualTo(8 * 6 + 14 * 5 + 19 * 4);
        assertThat(SPEC.nodes()).isEqualTo(23);
        Tape tape = Tape.training(Parallelism.single());
        Tensor logits = net.forward(tape, images(4));
        assertThat(logits.shape()).containsExactly(4, 3);
        tape.backward(Losses.softmaxCrossEntropy(tape, logits, new int[] {0, 1, 2, 1}));

        WiringSnapshot s = net.snapshot(1, 1, 0.5);
        assertThat(s.edgeCount()).isEqualTo(30);
        WiringLayout layout = net.layout();
        assertThat(layout.nodeCount()).isEqualTo(23);
        for (int e = 0; e < s.edgeCount(); e++) {
            assertThat(layout.blockOf(s.sources()[e])).isLessThan(layout.blockOf(s.targets()[e]));
        }
        int unusedWithGradient = 0;
        boolean[][] active = net.selection().active();
        for (int j = 0; j < active.length; j++) {
            float[] g = net.namedParameters().get("edges" + (j + 1)).grad();
            for (int i = 0; i < g.length; i++) {
                if (!active[j][i] && g[i] != 0f) {
                    unusedWithGradient++;
                }
            }
        }
        assertThat(unusedWithGradient).isGreaterThan(50);
    }

    @Test
    void randomGraphTrainsOnlyItsEdgesAndInputsAreChecked() {
        ChannelGraphNet net = new ChannelGraphNet(SPEC, new RandomGraph(), new SplittableRandom(2));
        Tape tape = Tape.training(Parallelism.single());
        tape.backward(Losses.softmaxCrossEntropy(tape, net.forward(tape, images(3)), new int[] {0, 1, 2}));
        boolean[][] active = net.selection().active();
        for (int j = 0; j < active.length; j++) {
            float[] g = net.namedParameters().get("edges" + (j + 1)).grad();
            for (int i = 0; i < g.length; i++) {
                if (!active[j][i]) {
                    assertThat(g[i]).isZero();
                }
            }
        }
        assertThatThrownBy(() -> net.forward(tape, Tensor.zeros(2, 100))).hasMessageContaining("[N, 144]");
        assertThatThrownBy(() -> new ChannelGraphSpec(1, 12, new int[] {6}, 1000, 8, 3))
                .hasMessageContaining("edge budget").hasMessageContaining("48");
    }
}
