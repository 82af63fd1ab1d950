package dev.connectome.nas.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The DNW variants made for nodes that normalise their input: dnw-node-scale and dnw-every-node. */
class NormalisedNodeVariantsTest {

    private static boolean[][] choose(WiringVariant v, int k, Tensor... weights) {
        int[] sizes = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            sizes[i] = weights[i].size();
        }
        EdgeSelection s = v.start(sizes, k, new SplittableRandom(1));
        s.apply(Tape.training(Parallelism.single()), weights);
        return s.active();
    }

    @Test
    void nodeScaleRanksEdgesWithinTheirTargetsScale() {
        // two target nodes (rows); plain DNW takes both edges of the large row
        Tensor w = Tensor.parameter(new float[] {10f, 20f, 0.1f, 0.3f}, 2, 2, 1, 1);
        assertThat(choose(new Dnw(), 2, w)[0]).containsExactly(true, true, false, false);
        // relative to the row RMS: 20/15.8 = 1.26 and 0.3/0.224 = 1.34 beat 10/15.8 and 0.1/0.224
        assertThat(choose(new DnwPerNodeScale(), 2, w)[0]).containsExactly(false, true, false, true);
    }

    @Test
    void nodeScaleComparesRowsOfDifferentLengthsByTheirMean() {
        // the same relative pattern in a row of 2 and a row of 8 must rank alike: RMS, not the norm
        float[] shortRows = new float[10];
        DnwPerNodeScale.scaleByTarget(new float[] {3f, 3f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f},
                TargetNodes.of(Tensor.of(new float[10], 5, 2, 1, 1)), shortRows);
        assertThat(shortRows).containsOnly(1f);
        float[] longRow = new float[8];
        DnwPerNodeScale.scaleByTarget(new float[] {2f, 2f, 2f, 2f, 2f, 2f, 2f, 2f},
                TargetNodes.of(Tensor.of(new float[8], 1, 8, 1, 1)), longRow);
        assertThat(longRow).containsOnly(1f);
    }

    @Test
    void aDenseLayersTargetsAreItsColumns() {
        // [in = 2, out = 2]: target 0 has in-edges {10, 0.1}, target 1 {20, 0.3} → column-wise RMS
        Tensor w = Tensor.parameter(new float[] {10f, 20f, 0.1f, 0.3f}, 2, 2);
        assertThat(choose(new DnwEveryNode(), 2, w)[0]).containsExactly(true, true, false, false);
        float[] scaled = new float[4];
        DnwPerNodeScale.scaleByTarget(w.data(), TargetNodes.of(w), scaled);
        assertThat(scaled[0]).isCloseTo(10f / (float) Math.sqrt((100 + 0.01) / 2), within(1e-5f));
    }

    @Test
    void everyNodeKeepsItsLargestInEdgeAndSpendsTheRestGlobally() {
        // rows: node 0 has large weights, nodes 1 and 2 small ones; k = 5 → each keeps its best,
        // the other 2 edges go to the largest remaining magnitudes (both in row 0)
        Tensor w = Tensor.parameter(new float[] {5f, -4f, 3f, 0.2f, -0.3f, 0.1f, 0.05f, 0.01f, -0.02f}, 3, 3, 1, 1);
        boolean[] dnw = choose(new Dnw(), 5, w)[0];
        assertThat(dnw).containsExactly(true, true, true, true, true, false, false, false, false);
        boolean[] every = choose(new DnwEveryNode(), 5, w)[0];
        assertThat(every).containsExactly(true, true, true, false, true, false, true, false, false);
    }

    @Test
    void everyNodeOverSeveralTensorsHasExactlyKEdgesAndNoEmptyRow() {
        SplittableRandom rng = new SplittableRandom(3);
        Tensor a = Tensor.parameter(random(rng, 6 * 8), 6, 8, 1, 1);
        Tensor b = Tensor.parameter(random(rng, 4 * 14), 4, 14, 1, 1);
        boolean[][] on = choose(new DnwEveryNode(), 12, a, b);
        int total = 0;
        for (int t = 0; t < 2; t++) {
            int rows = t == 0 ? 6 : 4, len = t == 0 ? 8 : 14;
            for (int r = 0; r < rows; r++) {
                int inRow = 0;
                for (int c = 0; c < len; c++) {
                    inRow += on[t][r * len + c] ? 1 : 0;
                }
                assertThat(inRow).as("tensor %d row %d", t, r).isPositive();
                total += inRow;
            }
        }
        assertThat(total).isEqualTo(12);
    }

    @Test
    void everyNodeRefusesABudgetBelowOneEdgePerNode() {
        Tensor w = Tensor.parameter(new float[12], 4, 3, 1, 1);
        assertThatThrownBy(() -> choose(new DnwEveryNode(), 3, w)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("budget 3 < 4 nodes");
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
