package dev.connectome.nas.wann;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class NsgaSortTest {

    @Test
    void frontsFollowDominance() {
        double[] a = {1, 2, 3, 1, 2};
        double[] b = {3, 2, 1, 1, 1};
        // (1,3), (2,2), (3,1) are mutually non-dominated; (2,1) is dominated by (2,2) and (3,1); (1,1) by all.
        assertThat(NsgaSort.fronts(a, b)).containsExactly(List.of(0, 1, 2), List.of(4), List.of(3));
    }

    @Test
    void crowdingKeepsThePublishedNormalisationQuirk() {
        double[] v = {1, 2, 4};
        double[] d = NsgaSort.crowdingDistance(v);
        double scale = Math.abs(1 / 4.0 - 1); // |1/max − min|, not 1/(max − min)
        assertThat(d[0]).isInfinite();
        assertThat(d[2]).isInfinite();
        assertThat(d[1]).isEqualTo((1 + 2) * scale);
    }

    @Test
    void withinAFrontLargerCrowdingComesFirst() {
        // One front of four points on a line; the two ends have infinite distance, then the middle with more room.
        double[] a = {0, 1, 9, 10};
        double[] b = {10, 9, 1, 0};
        int[] order = NsgaSort.order(a, b);
        assertThat(order[0]).isIn(0, 3);
        assertThat(order[1]).isIn(0, 3);
        assertThat(List.of(order[2], order[3])).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void zeroMaximumGivesNanDistanceThatSortsLast() {
        // max 0 makes the quirk's scale |1/0 − min| infinite; the interior point with no room gets 0·∞ = NaN.
        double[] v = {-2, -1, -1, -1, 0};
        double[] d = NsgaSort.crowdingDistance(v);
        assertThat(d).containsOnlyOnce(Double.NaN);
        // As one front (second objective constant... use the same values twice so no point dominates another).
        double[] a = {-2, -1, 0};
        double[] b = {0, -1, -2};
        assertThat(NsgaSort.order(a, b)).hasSize(3);
    }

    @Property(tries = 200)
    void orderIsAPermutationRespectingFronts(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 6) Integer> xs,
                                            @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 6) Integer> ys) {
        int n = Math.min(xs.size(), ys.size());
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = xs.get(i);
            b[i] = ys.get(i);
        }
        int[] rank = NsgaSort.rank(a, b);
        assertThat(rank).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, n).toArray());
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                if (NsgaSort.dominates(a, b, p, q)) {
                    assertThat(rank[p]).as("dominating %d ranks before %d", p, q).isLessThan(rank[q]);
                }
            }
        }
    }
}
