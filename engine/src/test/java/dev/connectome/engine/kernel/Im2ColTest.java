package dev.connectome.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Im2ColTest {
    @ParameterizedTest(name = "{0}ch {1}x{2} k{3}x{4} p{5}")
    @CsvSource({
        "3, 8, 8, 3, 3, 1",
        "2, 16, 16, 3, 3, 1",
        "2, 5, 6, 3, 3, 1",
        "1, 7, 9, 5, 5, 2",
        "2, 4, 4, 1, 3, 1",
        "1, 1, 1, 3, 3, 1",
        "2, 3, 3, 1, 1, 0",
    })
    void sameSizePathEqualsTheGeneralOne(int c, int h, int w, int kh, int kw, int p) {
        // Geometries with kh ≠ kw and 2p ≠ kw − 1 only keep their plane in one direction; pad the
        // other so the output plane equals the input.
        int pad = p;
        ConvGeometry g = new ConvGeometry(c, h, w, kh, kw, 1, pad);
        if (!Im2Col.isSameSize(g)) {
            assertThat(kh != kw || 2 * p != kw - 1).isTrue();
            return;
        }
        SplittableRandom rng = new SplittableRandom(c * 100 + h * 10 + w);
        // The image sits in the middle of a larger array, so reads outside its window would show.
        int before = 37, size = c * h * w;
        float[] x = new float[before + size + 41];
        for (int i = 0; i < x.length; i++) {
            x[i] = i >= before && i < before + size ? (float) rng.nextDouble(-1, 1) : Float.NaN;
        }
        int ld = Im2Col.leadingDimension(h * w);
        float[] expected = new float[g.patchSize() * ld + 5];
        float[] actual = new float[g.patchSize() * ld + 5];
        Im2Col.im2col(x, before, g, expected, 5, ld);
        float[] table = new float[3 + Im2Col.sameSizeTableSize(g)];
        Im2Col.sameSizeTable(g, table, 3);
        Im2Col.im2colSameSize(x, before, g, table, 3, actual, 5, ld);
        for (int r = 0; r < g.patchSize(); r++) {
            for (int d = 0; d < h * w; d++) {
                int i = 5 + r * ld + d;
                assertThat(actual[i]).as("row %d position %d", r, d).isEqualTo(expected[i]);
            }
        }
    }
}
