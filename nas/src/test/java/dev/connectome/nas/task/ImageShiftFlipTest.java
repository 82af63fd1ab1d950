package dev.connectome.nas.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.data.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ImageShiftFlipTest {

    /** Two 2×3×4 images whose pixel values are their own (image, channel, y, x) codes. */
    private static float[] codedImages() {
        float[] rows = new float[2 * 24];
        for (int s = 0; s < 2; s++) {
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 4; x++) {
                        rows[s * 24 + c * 12 + y * 4 + x] = 1000 * s + 100 * c + 10 * y + x;
                    }
                }
            }
        }
        return rows;
    }

    @Test
    void shiftMovesPixelsAndFillsTheBorder() {
        ImageShiftFlip aug = new ImageShiftFlip(2, 3, 4, 2, true, -9);
        float[] in = codedImages();
        float[] out = new float[24];
        aug.transform(in, 0, out, 0, 1, -2, false);
        // output (y, x) = input (y + 1, x - 2): row 0 = [fill, fill, (1,0), (1,1)], last row all fill
        assertThat(Arrays.copyOfRange(out, 0, 12)).containsExactly(-9, -9, 10, 11, -9, -9, 20, 21, -9, -9, -9, -9);
        assertThat(Arrays.copyOfRange(out, 12, 16)).containsExactly(-9, -9, 110, 111);
    }

    @Test
    void mirrorReversesEachRow() {
        ImageShiftFlip aug = new ImageShiftFlip(2, 3, 4, 1, true, 0);
        float[] in = codedImages();
        float[] out = new float[24];
        aug.transform(in, 24, out, 0, 0, 0, true);
        assertThat(Arrays.copyOfRange(out, 0, 4)).containsExactly(1003, 1002, 1001, 1000);
        assertThat(Arrays.copyOfRange(out, 20, 24)).containsExactly(1123, 1122, 1121, 1120);
        float[] back = new float[24];
        aug.transform(out, 0, back, 0, 0, 0, true);
        assertThat(back).containsExactly(Arrays.copyOfRange(in, 24, 48));
    }

    @Test
    void zeroPadWithoutFlipChangesNothing() {
        float[] rows = codedImages();
        new ImageShiftFlip(2, 3, 4, 0, false, 5).apply(rows, 2, 24, new SplittableRandom(1));
        assertThat(rows).containsExactly(codedImages());
    }

    @Test
    void seededRunsRepeatAndCoverEveryShiftAndBothMirrors() {
        ImageShiftFlip aug = new ImageShiftFlip(1, 5, 5, 1, true, -1);
        int samples = 400;
        float[] a = new float[samples * 25];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 25; // every image is 0..24 row-major
        }
        float[] b = a.clone();
        aug.apply(a, samples, 25, new SplittableRandom(3));
        aug.apply(b, samples, 25, new SplittableRandom(3));
        assertThat(a).containsExactly(b);
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < samples; s++) {
            // the centre pixel's source gives the shift; its left neighbour comes from the right when mirrored
            float centre = a[s * 25 + 12];
            int sy = (int) centre / 5, sx = (int) centre % 5;
            boolean mirror = a[s * 25 + 11] == centre + 1;
            assertThat(a[s * 25 + 11]).isEqualTo(mirror ? centre + 1 : centre - 1);
            seen.add((sy - 2) + "," + (sx - 2) + "," + mirror);
            assertThat(sy - 2).isBetween(-1, 1);
            assertThat(sx - 2).isBetween(-1, 1);
        }
        assertThat(seen).hasSize(18); // 3 × 3 shifts × mirrored or not
    }

    @Test
    void forImagesTakesTheShapeAndPadsWithTheBlackValue() {
        float[] x = codedImages();
        x[5] = -0.42f; // the smallest value: a black pixel after standardising
        Dataset images = Dataset.of("coded", x, new int[] {0, 1}, new int[] {2, 3, 4}, Dataset.numberedClasses(2));
        ImageShiftFlip aug = ImageShiftFlip.forImages(images, 1, false);
        float[] out = new float[24];
        aug.transform(x, 0, out, 0, -1, 0, false); // row 0 comes from above the image
        assertThat(Arrays.copyOfRange(out, 0, 4)).containsOnly(-0.42f);
        assertThat(aug).hasToString("shift ±1");
        Dataset vectors = Dataset.of("flat", new float[8], new int[] {0, 1}, new int[] {4}, Dataset.numberedClasses(2));
        assertThatThrownBy(() -> ImageShiftFlip.forImages(vectors, 1, true)).hasMessageContaining("image samples")
                .hasMessageContaining("[4]");
    }

    @Test
    void threadsShareAnInstanceSafely() throws Exception {
        ImageShiftFlip aug = new ImageShiftFlip(1, 28, 28, 2, true, 0);
        float[] base = new float[64 * 784];
        for (int i = 0; i < base.length; i++) {
            base[i] = i % 997;
        }
        float[] expected = base.clone();
        for (int round = 0; round < 20; round++) {
            aug.apply(expected, 64, 784, new SplittableRandom(round));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    float[] rows = base.clone();
                    for (int round = 0; round < 20; round++) {
                        aug.apply(rows, 64, 784, new SplittableRandom(round));
                    }
                    return rows;
                }));
            }
            for (Future<float[]> run : runs) {
                assertThat(run.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsBadShapes() {
        assertThatThrownBy(() -> new ImageShiftFlip(1, 4, 4, 4, false, 0)).hasMessageContaining("padding");
        assertThatThrownBy(() -> new ImageShiftFlip(1, 4, 4, 1, false, Float.NaN)).hasMessageContaining("finite");
        ImageShiftFlip aug = new ImageShiftFlip(1, 4, 4, 1, false, 0);
        assertThatThrownBy(() -> aug.apply(new float[20], 1, 20, new SplittableRandom(1)))
                .hasMessageContaining("1×4×4").hasMessageContaining("20 values");
    }
}
