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
}
