package dev.connectome.nas.wann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.graph.Mutations;
import dev.connectome.nas.graph.NeuronGraph;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The scalar rollout evaluator must compute what the batch evaluator computes, weights in the same order. */
class RolloutNetTest {

    @Property(tries = 80)
    void matchesGraphNet(@ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int mutations) {
        SplittableRandom rng = new SplittableRandom(seed);
        NeuronGraph g = NeuronGraph.initial(5, 2, 0.5, rng);
        for (int i = 0; i < mutations; i++) {
            g = Mutations.mutate(g, MutationSettings.swingup(), rng);
        }
        GraphNet batch = GraphNet.compile(g);
        RolloutNet scalar = RolloutNet.compile(g);
        assertThat(scalar.weightCount()).isEqualTo(batch.weightCount());
        int n = 4;
        float[] x = new float[n * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble(-1, 1);
        }
        float[] w = new float[batch.weightCount()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextDouble(-2, 2);
        }
        float[] expectShared = new float[n * 2];
        float[] expectTuned = new float[n * 2];
        batch.forwardShared(x, n, -1.5f, expectShared);
        batch.forward(x, n, w, expectTuned);
        float[] got = new float[2];
        float[] scratch = new float[scalar.scratchSize()];
        for (int b = 0; b < n; b++) {
            scalar.forwardShared(x, b * 5, -1.5f, got, 0, scratch);
            assertThat(got[0]).isCloseTo(expectShared[b * 2], within(1e-4f + 1e-4f * Math.abs(got[0])));
            assertThat(got[1]).isCloseTo(expectShared[b * 2 + 1], within(1e-4f + 1e-4f * Math.abs(got[1])));
            scalar.forward(x, b * 5, w, got, 0, scratch);
            assertThat(got[0]).isCloseTo(expectTuned[b * 2], within(1e-4f + 1e-4f * Math.abs(got[0])));
            assertThat(got[1]).isCloseTo(expectTuned[b * 2 + 1], within(1e-4f + 1e-4f * Math.abs(got[1])));
        }
    }
}
