package dev.connectome.nas.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every variant: the edge count, the block order, and what each keeps fixed. */
class EdgeChoiceTest {
    private static final NeuronGraphSpec SPEC = new NeuronGraphSpec(16, new int[] {8, 8, 4}, 3, 60, 4);

    private static void forward(NeuronGraphNet net, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[5 * 16];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        Tape tape = Tape.training(Parallelism.single());
        net.forward(tape, Tensor.of(x, 5, 16));
    }

    @Test
    void everyVariantChoosesExactlyKEdgesThatRespectTheBlockOrder() {
        for (WiringVariant v : WiringVariants.all()) {
            NeuronGraphNet net = new NeuronGraphNet(SPEC, v, new SplittableRandom(7));
            forward(net, 1);
            WiringSnapshot s = net.snapshot(0, 0, Double.NaN);
            long expected = v.usesAllEdges() ? SPEC.potentialEdges() : SPEC.edges();
            assertThat((long) s.edgeCount()).as(v.name()).isEqualTo(expected);
            WiringLayout layout = net.layout();
            java.util.Set<Long> distinct = new java.util.HashSet<>();
            for (int e = 0; e < s.edgeCount(); e++) {
                assertThat(layout.blockOf(s.sources()[e])).as(v.name() + " edge " + e)
                        .isLessThan(layout.blockOf(s.targets()[e]));
                assertThat(layout.blockOf(s.sources()[e])).isLessThan(layout.blocks().size() - 1);
                distinct.add((long) s.sources()[e] * 1000 + s.targets()[e]);
            }
            assertThat(distinct).hasSize(s.edgeCount());
        }
    }

    @Test
    void potentialEdgesAreAllForwardPairsBetweenBlocks() {
        // 16·8 + 24·8 + 32·4 + 36·3 = 128 + 192 + 128 + 108
        assertThat(SPEC.potentialEdges()).isEqualTo(556);
        NeuronGraphNet complete = new NeuronGraphNet(SPEC, new CompleteGraph(), new SplittableRandom(1));
        assertThat(complete.parameterCount()).isEqualTo(556 + 8 + 8 + 4 + 3);
    }

    @Test
    void dnwChoosesTheLargestMagnitudes() {
        NeuronGraphNet net = new NeuronGraphNet(SPEC, new Dnw(), new SplittableRandom(9));
        forward(net, 2);
        WiringSnapshot s = net.snapshot(0, 0, Double.NaN);
        float smallestChosen = Float.MAX_VALUE;
        for (float w : s.weights()) {
            smallestChosen = Math.min(smallestChosen, Math.abs(w));
        }
        int larger = 0;
        for (int p = 0; p < net.parameters().size(); p += 2) {
            for (float w : net.parameters().get(p).data()) {
                if (Math.abs(w) >= smallestChosen) {
                    larger++;
                }
            }
        }
        assertThat(larger).isEqualTo(SPEC.edges());
    }

    @Test
    void randomGraphAndFineTuneKeepTheirMaskWhileDnwFollowsTheWeights() {
        for (String name : new String[] {"random", "fine-tune", "dnw"}) {
            NeuronGraphNet net = new NeuronGraphNet(SPEC, WiringVariants.get(name), new SplittableRandom(11));
            forward(net, 3);
            WiringSnapshot before = net.snapshot(0, 0, Double.NaN);
            // shuffle the magnitudes: a different top-k
            SplittableRandom rng = new SplittableRandom(12);
            for (int p = 0; p < net.parameters().size(); p += 2) {
                float[] w = net.parameters().get(p).data();
                for (int i = 0; i < w.length; i++) {
                    w[i] = (float) rng.nextGaussian();
                }
            }
            forward(net, 4);
            WiringSnapshot after = net.snapshot(1, 1, Double.NaN);
            int added = after.edgesAddedSince(before, 100);
            if (name.equals("dnw")) {
                assertThat(added).as(name).isGreaterThan(20);
            } else {
                assertThat(added).as(name).isZero();
            }
        }
    }

    @Test
    void randomGraphsDependOnTheGenerator() {
        var a = new RandomGraph().start(new int[] {50, 50}, 10, new SplittableRandom(1)).active();
        var b = new RandomGraph().start(new int[] {50, 50}, 10, new SplittableRandom(1)).active();
        var c = new RandomGraph().start(new int[] {50, 50}, 10, new SplittableRandom(2)).active();
        assertThat(a).isDeepEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void registryAndBudgetErrors() {
        assertThat(WiringVariants.names()).containsExactly("dnw", "random", "dnw-no-update", "fine-tune", "complete",
                "dnw-node-scale", "dnw-every-node");
        assertThatThrownBy(() -> WiringVariants.get("dwn")).hasMessageContaining("dwn")
                .hasMessageContaining("dnw, random");
        assertThat(WiringVariants.edgesFor(1000, 0.1)).isEqualTo(100);
        assertThat(WiringVariants.edgesFor(7, 0.5)).isEqualTo(4);
        assertThatThrownBy(() -> WiringVariants.edgesFor(10, 0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new NeuronGraphSpec(16, new int[] {8}, 3, 10_000, 0))
                .hasMessageContaining("edge budget").hasMessageContaining("10000");
        assertThatThrownBy(() -> new Dnw().start(new int[] {4}, 5, new SplittableRandom(1)))
                .hasMessageContaining("[0, 4]");
        EdgeSelection sel = new Dnw().start(new int[] {4}, 2, new SplittableRandom(1));
        assertThatThrownBy(() -> sel.apply(Tape.training(Parallelism.single()), Tensor.parameter(new float[5], 5)))
                .hasMessageContaining("4 values");
    }
}
