package dev.connectome.nas.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Losses;
import dev.connectome.nas.space.UnknownArchitectureException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Nb201NetworkTest {
    static final String BEST = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|";
    static final String RESNET = "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";
    static final String ALL_CONV = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    static final String EMPTY = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";

    /**
     * Counts at C = 16, N = 5, 10 classes from bench/peers/nb201_torch.py --params (PyTorch); they
     * are also NB201's published sizes (1.0735 MB best cell, 1.5315 MB largest, 0.0733 MB smallest).
     */
    @Test
    void parameterCountsMatchPyTorchPeer() {
        SplittableRandom rng = new SplittableRandom(0);
        assertThat(Nb201Network.of(BEST, rng).parameterCount()).isEqualTo(1_073_466);
        assertThat(Nb201Network.of(RESNET, rng).parameterCount()).isEqualTo(559_386);
        assertThat(Nb201Network.of(ALL_CONV, rng).parameterCount()).isEqualTo(1_531_546);
        assertThat(Nb201Network.of(EMPTY, rng).parameterCount()).isEqualTo(73_306);
    }

    @Test
    void smallNetworkForwardBackwardShapesAndGradients() {
        Nb201Network net = new Nb201Network(Nb201Cell.parse(BEST), new Nb201NetworkSettings(4, 1, 3, true),
                new SplittableRandom(1));
        SplittableRandom data = new SplittableRandom(2);
        float[] x = new float[2 * 3 * 32 * 32];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) data.nextGaussian();
        }
        Tape tape = Tape.training(Parallelism.single());
        Tensor out = net.forward(tape, tape.input(x, 0, 2, 3, 32, 32));
        assertThat(out.shape()).containsExactly(2, 3);
        tape.backward(Losses.softmaxCrossEntropy(tape, out, new int[] {0, 2}));
        for (var e : net.namedParameters().entrySet()) {
            assertThat(e.getValue().grad()).as(e.getKey()).isNotNull();
        }
        assertThat(net.namedParameters()).containsKeys("stem.0.weight", "blocks.0.edge0.1.weight",
                "blocks.1.a.1.weight", "blocks.1.shortcut.1.weight", "head.3.weight");
        // 3 stages of 1 cell + 2 reductions
        assertThat(net.namedParameters().keySet().stream().filter(k -> k.startsWith("blocks.4.")).count()).isPositive();
    }

    @Test
    void emptyCellStillProducesOutputsFromTheResidualPath() {
        Nb201Network net = new Nb201Network(Nb201Cell.parse(EMPTY), new Nb201NetworkSettings(4, 1, 2, true),
                new SplittableRandom(1));
        Tape tape = Tape.inference(Parallelism.single());
        Tensor out = net.forward(tape, tape.zeros(false, 1, 3, 32, 32));
        assertThat(out.shape()).containsExactly(1, 2);
    }

    @Test
    void withoutBatchNormHasNoBatchNormParameters() {
        Nb201Network net = new Nb201Network(Nb201Cell.parse(BEST), new Nb201NetworkSettings(4, 1, 2, false),
                new SplittableRandom(1));
        assertThat(net.parameters()).allMatch(t -> t.rank() >= 2 || t.size() == 2); // linear bias only
    }

    @Test
    void multiplyAddsGrowWithConvolutions() {
        Nb201NetworkSettings s = Nb201NetworkSettings.defaults();
        long empty = Nb201Network.multiplyAdds(Nb201Cell.parse(EMPTY), s, 32);
        long best = Nb201Network.multiplyAdds(Nb201Cell.parse(BEST), s, 32);
        long all = Nb201Network.multiplyAdds(Nb201Cell.parse(ALL_CONV), s, 32);
        assertThat(empty).isLessThan(best);
        assertThat(best).isLessThan(all);
        // NB201 reports 7.78 and 220.11 MFLOPs for the smallest and largest cells (convs and linear)
        assertThat(all / 1e6).isBetween(215.0, 225.0);
        assertThat(empty / 1e6).isBetween(7.0, 9.0);
    }

    @Test
    void badArchitectureStringNamesIt() {
        assertThatThrownBy(() -> Nb201Network.of("|conv~0|", new SplittableRandom(0)))
                .isInstanceOf(UnknownArchitectureException.class).hasMessageContaining("|conv~0|");
    }
}
