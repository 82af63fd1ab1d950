package dev.connectome.nas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden test: data/mnist256/expected.txt holds the MNIST256 values of four MNIST test digits
 * (t10k indices 0, 1, 2, 18; stored as raw IDX in digits-idx3-ubyte) computed once by the
 * independent numpy implementation nas/scripts/mnist256_reference.py, which restates OpenCV's
 * resize / moments / warpAffine arithmetic (cv2 itself cannot be installed here). The numpy
 * reference works on float64 pixels/255 like WANN; Java gets float32 pixels, hence a 1e-5 tolerance.
 */
class Mnist256Test {

    private static List<float[]> expected() throws IOException {
        List<float[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.path("mnist256/expected.txt"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            float[] v = new float[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = (float) Double.parseDouble(parts[i]);
            }
            rows.add(v);
        }
        return rows;
    }

    @Test
    void matchesIndependentNumpyReference() throws IOException {
        byte[] raw = Files.readAllBytes(Fixtures.path("mnist256/digits-idx3-ubyte"));
        int n = DataFiles.u32(raw, 4);
        byte[] labels = new byte[8 + n];
        labels[2] = 8;
        labels[3] = 1;
        labels[7] = (byte) n;
        Dataset digits = IdxReader.parse("digits", raw, "digits-idx3-ubyte", labels, "labels", null, false);
        Dataset out = Mnist256.apply(digits);
        assertThat(out.sampleShape()).containsExactly(1, 16, 16);
        List<float[]> expected = expected();
        assertThat(expected).hasSize(n);
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < 256; i++) {
                assertThat(out.features()[k * 256 + i]).as("digit %d value %d", k, i)
                        .isCloseTo(expected.get(k)[i], within(1e-5f));
            }
        }
    }

    @Test
    void deskewStraightensAShearedBar() {
        // A vertical bar sheared one pixel per two rows has mu11/mu02 = 0.5: deskewing puts it back upright.
        double[] img = new double[256];
        for (int y = 0; y < 16; y++) {
            img[y * 16 + 8 + (y - 8) / 2] = 1.0;
        }
        double[] out = new double[256];
        Mnist256.deskew(img, 16, out);
        double[] colMass = new double[16];
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                colMass[x] += out[y * 16 + x];
            }
        }
        int widest = 0;
        for (int x = 0; x < 16; x++) {
            if (colMass[x] > colMass[widest]) {
                widest = x;
            }
        }
        assertThat(colMass[widest] + colMass[widest + 1] + colMass[widest - 1]).isGreaterThan(12.0);
    }

    @Test
    void blankImageStaysBlankAndValuesStayInUnitRange() {
        Dataset sample = EmbeddedSample.mnist().validation().slice(0, 50);
        float[] blank = new float[784];
        Dataset both = Dataset.of("x", concat(blank, sample.features()), concatLabels(sample.labels()),
                new int[] {1, 28, 28}, sample.classNames());
        Dataset out = Mnist256.apply(both);
        for (int i = 0; i < 256; i++) {
            assertThat(out.features()[i]).isZero();
        }
        for (float v : out.features()) {
            assertThat(v).isBetween(0f, 1.0000001f);
        }
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = new float[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static int[] concatLabels(int[] l) {
        int[] c = new int[l.length + 1];
        System.arraycopy(l, 0, c, 1, l.length);
        return c;
    }
}
