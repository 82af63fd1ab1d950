package dev.connectome.nas.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The packed, vectorised kernel against the definition K[i][j] = N_A − d_H(c_i, c_j). */
class NaswotKernelPackingTest {
    static double[][] definition(float[][] layers, int batch, int[] units, int[] mult) {
        double[][] k = new double[batch][batch];
        for (int l = 0; l < layers.length; l++) {
            for (int i = 0; i < batch; i++) {
                for (int j = 0; j < batch; j++) {
                    int same = 0;
                    for (int u = 0; u < units[l]; u++) {
                        same += (layers[l][i * units[l] + u] > 0) == (layers[l][j * units[l] + u] > 0) ? 1 : 0;
                    }
                    k[i][j] += (double) same * mult[l];
                }
            }
        }
        return k;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 63, 64, 65, 130, 256})
    void matchesTheDefinitionWithMultiplicities(int unitsPerSample) {
        SplittableRandom rng = new SplittableRandom(unitsPerSample);
        int batch = 9;
        int[] units = {unitsPerSample, unitsPerSample + 3, 5};
        int[] mult = {1, 3, 2};
        float[][] layers = new float[units.length][];
        NaswotKernel k = new NaswotKernel(batch);
        for (int l = 0; l < units.length; l++) {
            layers[l] = new float[batch * units[l]];
            for (int i = 0; i < layers[l].length; i++) {
                int r = rng.nextInt(5);
                layers[l][i] = r == 0 ? 0f : r == 1 ? -0f : r == 2 ? Float.NaN : (float) rng.nextGaussian();
            }
            k.add(layers[l], units[l], mult[l]);
        }
        k.addUniform(11, 2); // e.g. a zero tensor read by two ReLUs: every pair agrees on all 22 units
        double[][] expected = definition(layers, batch, units, mult);
        for (double[] row : expected) {
            for (int j = 0; j < batch; j++) {
                row[j] += 22;
            }
        }
        assertThat(k.matrix()).isDeepEqualTo(expected);
        assertThat(k.layers()).isEqualTo(1 + 3 + 2 + 2);
        assertThat(k.units()).isEqualTo(unitsPerSample + 3L * (unitsPerSample + 3) + 2 * 5 + 22);
    }
}
