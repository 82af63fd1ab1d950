package dev.connectome.nas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DatasetTest {
    /** n samples of shape {2}; sample i holds (i, -i) and label i % 3. */
    static Dataset ramp(int n) {
        float[] f = new float[2 * n];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            f[2 * i] = i;
            f[2 * i + 1] = -i;
            l[i] = i % 3;
        }
        return Dataset.of("ramp", f, l, new int[] {2}, List.of("a", "b", "c"));
    }

    @Test
    void validatesInput() {
        assertThatThrownBy(() -> Dataset.of("x", new float[3], new int[2], new int[] {2}, List.of("a")))
                .isInstanceOf(DataException.class).hasMessageContaining("x: 3 feature values do not make 2 samples");
        assertThatThrownBy(() -> Dataset.of("x", new float[2], new int[] {1}, new int[] {2}, List.of("a")))
                .isInstanceOf(DataException.class).hasMessageContaining("label 1 of sample 0 is outside [0, 1)");
        assertThatThrownBy(() -> Dataset.of("x", new float[] {0, Float.NaN}, new int[] {0}, new int[] {2}, List.of("a")))
                .isInstanceOf(DataException.class).hasMessageContaining("feature 1 of sample 0 is NaN");
    }

    @Test
    void copiesInputArraysAndShape() {
        float[] f = {1, 2};
        int[] shape = {2};
        Dataset d = Dataset.of("x", f, new int[] {0}, shape, List.of("a"));
        f[0] = 99;
        shape[0] = 7;
        d.sampleShape()[0] = 5;
        assertThat(d.features()[0]).isEqualTo(1f);
        assertThat(d.sampleShape()).containsExactly(2);
    }

    @Test
    void sliceSubsetAndSplit() {
        Dataset d = ramp(10);
        Dataset s = d.slice(2, 5);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.features()).containsExactly(2, -2, 3, -3, 4, -4);
        Dataset sub = d.subset(new int[] {9, 0, 9});
        assertThat(sub.labels()).containsExactly(0, 0, 0);
        assertThat(sub.features()).containsExactly(9, -9, 0, 0, 9, -9);
        Dataset.Split split = d.split(7);
        assertThat(split.train().size()).isEqualTo(7);
        assertThat(split.validation().size()).isEqualTo(3);
        assertThat(split.validation().features()[0]).isEqualTo(7f);
        assertThatThrownBy(() -> d.split(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shuffleIsDeterministicBySeedAndAPermutation() {
        Dataset d = ramp(100);
        Dataset a = d.shuffled(new SplittableRandom(42));
        Dataset b = d.shuffled(new SplittableRandom(42));
        Dataset c = d.shuffled(new SplittableRandom(43));
        assertThat(a.features()).containsExactly(b.features());
        assertThat(a.features()).isNotEqualTo(c.features());
        float[] firsts = new float[100];
        for (int i = 0; i < 100; i++) {
            firsts[i] = a.features()[2 * i];
            assertThat(a.features()[2 * i + 1]).isEqualTo(-firsts[i]); // samples move whole
            assertThat(a.labels()[i]).isEqualTo((int) firsts[i] % 3); // with their labels
        }
        Arrays.sort(firsts);
        for (int i = 0; i < 100; i++) {
            assertThat(firsts[i]).isEqualTo(i);
        }
    }

    @Test
    void sha256DependsOnContentNotName() {
        Dataset d = ramp(5);
        assertThat(d.sha256()).hasSize(64).isEqualTo(ramp(5).withName("other").sha256());
        assertThat(d.sha256()).isNotEqualTo(ramp(6).sha256());
        assertThat(d.sha256()).isNotEqualTo(d.shuffled(new SplittableRandom(1)).sha256());
    }

    @Test
    void mapAppliesTransformPerSample() {
        SampleTransform sum = new SampleTransform() {
            @Override
            public String name() {
                return "sum";
            }

            @Override
            public int[] outputShape(int[] in) {
                return new int[] {1};
            }

            @Override
            public void apply(int[] shape, float[] in, int inOff, float[] out, int outOff) {
                out[outOff] = in[inOff] + 2 * in[inOff + 1];
            }
        };
        Dataset m = ramp(4).map(sum);
        assertThat(m.name()).isEqualTo("ramp/sum");
        assertThat(m.sampleShape()).containsExactly(1);
        assertThat(m.features()).containsExactly(0, -1, -2, -3);
        assertThat(m.labels()).containsExactly(0, 1, 2, 0);
    }

    @Test
    void classCounts() {
        assertThat(ramp(7).classCounts()).containsExactly(3, 2, 2);
    }
}
