package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VectorActivationsTest {
    @Test
    void vectorActivationsMatchTheScalarTable() {
        int n = GraphKernels.VL * 64;
        SplittableRandom rng = new SplittableRandom(3);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            // mostly moderate values, some large ones, and exact integers/half-integers (sin/cos nodes)
            x[i] = switch (i % 4) {
                case 0 -> (float) (rng.nextDouble() * 8 - 4);
                case 1 -> (float) (rng.nextDouble() * 200 - 100);
                case 2 -> (float) (rng.nextDouble() * 1e-3 - 5e-4);
                default -> (rng.nextInt(41) - 20) * 0.5f;
            };
        }
        x[0] = 0f;
        x[4] = 90f;
        x[8] = -90f;
        for (int id = 1; id <= WannActivation.MAX_ID; id++) {
            float[] y = x.clone();
            VectorActivations.apply(id, y, 0, n);
            for (int i = 0; i < n; i++) {
                double expected = NaiveEvaluator.act(id, x[i]);
                // sin/cos(πx) of a float x: the argument itself is exact, the reduction x − k exact too.
                double tol = 4e-7 * Math.max(1, Math.abs(expected)) + 2 * Math.ulp((float) expected);
                assertThat((double) y[i]).as("id %d at x = %s", id, x[i]).isCloseTo(expected,
                        org.assertj.core.data.Offset.offset(tol));
            }
        }
    }

    @Test
    void expCoversTheFloatRange() {
        int n = GraphKernels.VL;
        float[] x = new float[n];
        for (float v : new float[] {-200f, -87f, -20f, -1f, 0f, 1e-7f, 1f, 20f, 88f, 88.7f}) {
            java.util.Arrays.fill(x, v);
            float[] y = new float[n];
            VectorActivations.exp(jdk.incubator.vector.FloatVector.fromArray(GraphKernels.SPECIES, x, 0)).intoArray(y, 0);
            assertThat((double) y[0]).as("exp(%s)", v).isCloseTo(Math.exp(v),
                    org.assertj.core.data.Offset.offset(Math.max(2e-7 * Math.exp(v), 1e-37)));
        }
    }
}
