package dev.connectome.nas.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class BatchesTest {
    @Property(tries = 50)
    void everyIndexExactlyOncePerEpoch(@ForAll @IntRange(min = 1, max = 60) int n,
                                       @ForAll @IntRange(min = 1, max = 17) int batch,
                                       @ForAll long seed) {
        Dataset d = DatasetTest.ramp(n);
        Batches batches = Batches.of(d, batch, new SplittableRandom(seed), false);
        for (int epoch = 0; epoch < 2; epoch++) {
            int[] seen = new int[n];
            int count = 0;
            float[] buf = new float[batch * 2];
            for (Batches.Batch b : batches) {
                count++;
                assertThat(b.size()).isBetween(1, batch);
                b.copyFeaturesInto(buf);
                int[] labels = b.labels();
                for (int i = 0; i < b.size(); i++) {
                    int idx = b.index(i);
                    seen[idx]++;
                    assertThat(buf[2 * i]).isEqualTo((float) idx);
                    assertThat(labels[i]).isEqualTo(idx % 3);
                }
            }
            assertThat(count).isEqualTo(batches.batchesPerEpoch()).isEqualTo((n + batch - 1) / batch);
            assertThat(seen).containsOnly(1);
        }
    }

    @Test
    void inOrderWithoutGeneratorAndDropLast() {
        Batches batches = Batches.of(DatasetTest.ramp(10), 4, null, true);
        List<Integer> order = new ArrayList<>();
        for (Batches.Batch b : batches) {
            assertThat(b.size()).isEqualTo(4);
            for (int i = 0; i < b.size(); i++) {
                order.add(b.index(i));
            }
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(batches.batchesPerEpoch()).isEqualTo(2);
    }

    @Test
    void sameSeedSameEpochsAndEpochsDiffer() {
        Dataset d = DatasetTest.ramp(50);
        List<Integer> a = firstIndices(Batches.of(d, 8, new SplittableRandom(7), false), 3);
        List<Integer> b = firstIndices(Batches.of(d, 8, new SplittableRandom(7), false), 3);
        assertThat(a).isEqualTo(b);
        assertThat(a.subList(0, 50)).isNotEqualTo(a.subList(50, 100));
    }

    private static List<Integer> firstIndices(Batches batches, int epochs) {
        List<Integer> out = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            for (Batches.Batch b : batches) {
                for (int i = 0; i < b.size(); i++) {
                    out.add(b.index(i));
                }
            }
        }
        return out;
    }

    @Test
    void featuresReusesALargeEnoughBuffer() {
        Batches batches = Batches.of(DatasetTest.ramp(10), 4, null, false);
        float[] buf = new float[8];
        for (Batches.Batch b : batches) {
            float[] got = b.features(buf);
            assertThat(got).isSameAs(buf);
            assertThat(got[0]).isEqualTo((float) b.index(0));
        }
        assertThat(batches.iterator().next().features(new float[1])).hasSize(8);
    }
}
