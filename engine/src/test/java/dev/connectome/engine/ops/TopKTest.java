package dev.connectome.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** TopK against a sort-based reference, with ties, groups of arrays and bad arguments. */
class TopKTest {

    /** Reference: stable sort of (array, index) by descending |v|, keep the first k. */
    private static boolean[][] reference(float[][] values, int k) {
        int total = Arrays.stream(values).mapToInt(v -> v.length).sum();
        int[][] at = new int[total][];
        int n = 0;
        for (int a = 0; a < values.length; a++) {
            for (int i = 0; i < values[a].length; i++) {
                at[n++] = new int[] {a, i};
            }
        }
        Integer[] order = IntStream.range(0, total).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(o -> -Math.abs(values[at[o][0]][at[o][1]])));
        boolean[][] keep = new boolean[values.length][];
        for (int a = 0; a < values.length; a++) {
            keep[a] = new boolean[values[a].length];
        }
        for (int j = 0; j < k; j++) {
            int[] p = at[order[j]];
            keep[p[0]][p[1]] = true;
        }
        return keep;
    }

    @Test
    void matchesSortingForRandomGroupsWithTies() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int arrays = rng.nextInt(1, 4);
            float[][] values = new float[arrays][];
            boolean[][] keep = new boolean[arrays][];
            int total = 0;
            for (int a = 0; a < arrays; a++) {
                values[a] = new float[rng.nextInt(0, 40)];
                keep[a] = new boolean[values[a].length];
                for (int i = 0; i < values[a].length; i++) {
                    // few distinct magnitudes and both signs, so ties are common
                    values[a][i] = trial % 2 == 0 ? (rng.nextInt(7) - 3) * 0.25f : (float) rng.nextGaussian();
                }
                total += values[a].length;
            }
            int k = rng.nextInt(total + 1);
            Arrays.stream(keep).forEach(f -> Arrays.fill(f, true)); // stale flags must be cleared
            TopK.largestMagnitude(values, k, keep, new int[TopK.HISTOGRAM]);
            assertThat(keep).as("trial %d, k %d", trial, k).isDeepEqualTo(reference(values, k));
        }
    }

    @Test
    void returnsTheSmallestKeptMagnitudeAndHandlesExtremes() {
        float[] v = {0.5f, -3f, 2f, -0.1f, 1e-30f, Float.MIN_VALUE, 0f, -0f};
        boolean[] keep = new boolean[v.length];
        assertThat(TopK.largestMagnitude(v, 2, keep)).isEqualTo(2f);
        assertThat(keep).containsExactly(false, true, true, false, false, false, false, false);
        assertThat(TopK.largestMagnitude(v, v.length, keep)).isEqualTo(0f);
        assertThat(keep).containsOnly(true);
        assertThat(TopK.largestMagnitude(v, 0, keep)).isEqualTo(0f);
        assertThat(keep).containsOnly(false);
        TopK.largestMagnitude(v, 6, keep);
        assertThat(keep).containsExactly(true, true, true, true, true, true, false, false);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> TopK.largestMagnitude(new float[3], 4, new boolean[3]))
                .hasMessageContaining("k must be in [0, 3]").hasMessageContaining("4");
        assertThatThrownBy(() -> TopK.largestMagnitude(new float[3], 1, new boolean[2]))
                .hasMessageContaining("3 entries").hasMessageContaining("2");
        assertThatThrownBy(() -> TopK.largestMagnitude(new float[][] {new float[1]}, 1,
                new boolean[][] {new boolean[1]}, new int[10])).hasMessageContaining("histogram");
    }
}
