package dev.connectome.nas.subspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FwhtTest {
    /** H[i][k] = (−1)^popcount(i & k), the Sylvester Hadamard matrix. */
    private static float[] explicit(float[] x) {
        int n = x.length;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += (Integer.bitCount(i & k) % 2 == 0 ? 1 : -1) * x[k];
            }
            y[i] = (float) s;
        }
        return y;
    }

    private static float[] random(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 16, 32, 64, 256, 1024})
    void matchesTheHadamardMatrix(int n) {
        float[] x = random(n, n);
        float[] y = x.clone();
        Fwht.transform(y, 0, n);
        float[] want = explicit(x);
        for (int i = 0; i < n; i++) {
            assertThat(y[i]).as("n=%d i=%d", n, i).isCloseTo(want[i], within(1e-3f * (float) Math.sqrt(n)));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 8192, 65536})
    void vectorPathMatchesScalarPathAtAnOffset(int n) {
        float[] x = random(n + 3, 5);
        float[] a = x.clone();
        float[] b = x.clone();
        Fwht.transform(a, 3, n);
        Fwht.transformScalar(b, 3, n);
        for (int i = 0; i < n + 3; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(1e-3f * (float) Math.sqrt(n)));
        }
        assertThat(a[0]).isEqualTo(x[0]);
    }

    @Test
    void appliedTwiceScalesByN() {
        int n = 16384;
        float[] x = random(n, 9);
        float[] y = x.clone();
        Fwht.transform(y, 0, n);
        Fwht.transform(y, 0, n);
        for (int i = 0; i < n; i++) {
            assertThat(y[i] / n).isCloseTo(x[i], within(1e-3f));
        }
    }

    @Test
    void rejectsLengthsThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> Fwht.transform(new float[12], 0, 12)).hasMessageContaining("power of two");
        assertThat(Fwht.nextPowerOfTwo(199_210)).isEqualTo(262_144);
        assertThat(Fwht.nextPowerOfTwo(1)).isEqualTo(1);
        assertThat(Fwht.nextPowerOfTwo(1024)).isEqualTo(1024);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 16, 32, 64, 128, 1024})
    void interleavedTransformMatchesSixteenScalarTransforms(int n) {
        float[] x = random(16 * n + 5, n + 100L);
        float[] a = x.clone();
        float[] b = x.clone();
        InterleavedFwht.transform(a, 5, n);
        InterleavedFwht.transformScalar(b, 5, n);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("n=%d i=%d", n, i).isCloseTo(b[i], within(1e-3f * (float) Math.sqrt(n)));
        }
        assertThat(a[4]).isEqualTo(x[4]);
        // lane j of the interleaved rows is the plain transform of lane j
        float[] lane3 = new float[n];
        for (int k = 0; k < n; k++) {
            lane3[k] = x[5 + k * 16 + 3];
        }
        Fwht.transform(lane3, 0, n);
        for (int k = 0; k < n; k++) {
            assertThat(a[5 + k * 16 + 3]).isCloseTo(lane3[k], within(1e-3f * (float) Math.sqrt(n)));
        }
    }

    @Test
    void interleavedOutOfPlaceLeavesTheSourceAlone() {
        float[] x = random(16 * 64, 9);
        float[] src = x.clone();
        float[] dst = new float[16 * 64 + 7];
        InterleavedFwht.transform(src, 0, dst, 7, 64);
        assertThat(src).containsExactly(x);
        float[] ref = x.clone();
        InterleavedFwht.transformScalar(ref, 0, 64);
        for (int i = 0; i < ref.length; i++) {
            assertThat(dst[7 + i]).isCloseTo(ref[i], within(1e-2f));
        }
        assertThatThrownBy(() -> InterleavedFwht.transform(new float[16 * 6], 0, 6)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> InterleavedFwht.transform(new float[16 * 8], 1, 8)).hasMessageContaining("do not fit");
    }
}
