package dev.connectome.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each vector kernel against a plain scalar loop, on lengths around the vector width (tails). */
class VectorOpsTest {

    private static float[] random(SplittableRandom rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100})
    void elementwise(int n) {
        SplittableRandom rng = new SplittableRandom(n);
        float[] a = random(rng, n + 2);
        float[] b = random(rng, n + 2);
        float[] out = new float[n + 2];
        out[n] = 42f;
        out[n + 1] = 42f;

        VectorOps.add(a, b, out, n);
        for (int i = 0; i < n; i++) {
            assertThat(out[i]).isEqualTo(a[i] + b[i]);
        }
        VectorOps.mul(a, b, out, n);
        for (int i = 0; i < n; i++) {
            assertThat(out[i]).isEqualTo(a[i] * b[i]);
        }
        VectorOps.scale(a, -1.5f, out, n);
        for (int i = 0; i < n; i++) {
            assertThat(out[i]).isEqualTo(a[i] * -1.5f);
        }
        VectorOps.relu(a, out, n);
        for (int i = 0; i < n; i++) {
            assertThat(out[i]).isEqualTo(Math.max(a[i], 0f));
        }
        // Elements past n are never touched.
        assertThat(out[n]).isEqualTo(42f);
        assertThat(out[n + 1]).isEqualTo(42f);

        float[] y = b.clone();
        VectorOps.axpy(0.25f, a, y, n);
        for (int i = 0; i < n; i++) {
            assertThat(y[i]).isCloseTo(b[i] + 0.25f * a[i], within(1e-6f));
        }
        assertThat(y[n]).isEqualTo(b[n]);

        float[] gx = b.clone();
        float[] g = random(rng, n + 2);
        VectorOps.reluBackward(a, g, gx, n);
        for (int i = 0; i < n; i++) {
            assertThat(gx[i]).isEqualTo(a[i] > 0 ? b[i] + g[i] : b[i]);
        }

        double dot = 0;
        for (int i = 0; i < n; i++) {
            dot += (double) a[i] * b[i];
        }
        assertThat((double) VectorOps.dot(a, b, n)).isCloseTo(dot, within(1e-5 * (n + 1)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 8, 13, 16, 40})
    void rowBroadcastAndColumnSums(int cols) {
        int rows = 7;
        SplittableRandom rng = new SplittableRandom(cols);
        float[] x = random(rng, rows * cols);
        float[] row = random(rng, cols);
        float[] out = new float[rows * cols];
        VectorOps.addRowBroadcast(x, row, out, rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                assertThat(out[r * cols + c]).isEqualTo(x[r * cols + c] + row[c]);
            }
        }

        float[] sums = row.clone();
        VectorOps.sumRowsInto(x, sums, rows, cols);
        for (int c = 0; c < cols; c++) {
            double s = row[c];
            for (int r = 0; r < rows; r++) {
                s += x[r * cols + c];
            }
            assertThat((double) sums[c]).isCloseTo(s, within(1e-5));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 16, 19})
    void reluMapsNanAndNegativeZeroToZeroInPlace(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i % 3 == 0 ? Float.NaN : i % 3 == 1 ? -0f : i;
        }
        VectorOps.relu(x, x, n);
        for (int i = 0; i < n; i++) {
            assertThat(Float.floatToIntBits(x[i]))
                    .as("index %d", i)
                    .isEqualTo(Float.floatToIntBits(i % 3 == 2 ? (float) i : 0f));
        }
    }
}
