package dev.connectome.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Pooling;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vectorised same-size average pool is bitwise the plain window loop (count_include_pad = False). */
class PoolKernelsTest {
    /** The window loop of the definition: sum of the taps inside the image, row-major, times 1/count. */
    static float[] reference(float[] x, int planes, int h, int w, int k, int p) {
        float[] y = new float[x.length];
        for (int pl = 0; pl < planes; pl++) {
            for (int r = 0; r < h; r++) {
                for (int c = 0; c < w; c++) {
                    float s = 0;
                    int count = 0;
                    for (int a = r - p; a < r - p + k; a++) {
                        for (int b = c - p; b < c - p + k; b++) {
                            if (a >= 0 && a < h && b >= 0 && b < w) {
                                s += x[pl * h * w + a * w + b];
                                count++;
                            }
                        }
                    }
                    y[pl * h * w + r * w + c] = s * (1f / count);
                }
            }
        }
        return y;
    }

    @ParameterizedTest
    @CsvSource({"2, 3, 32, 32, 3, 1", "3, 5, 8, 8, 3, 1", "1, 2, 5, 7, 3, 1", "2, 2, 9, 6, 5, 2", "1, 1, 1, 1, 3, 1"})
    void sameSizeAverageIsBitwiseTheWindowLoop(int n, int c, int h, int w, int k, int p) {
        SplittableRandom rng = new SplittableRandom(h * 131L + w);
        float[] x = new float[n * c * h * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        float[] expected = reference(x, n * c, h, w, k, p);
        for (int threads : new int[] {1, 2}) {
            Tensor y = Pooling.avgPool2d(Tape.inference(Parallelism.of(threads)), Tensor.of(x, n, c, h, w), k, 1, p);
            assertThat(y.data()).as("threads %d", threads).containsExactly(expected);
        }
    }
}
