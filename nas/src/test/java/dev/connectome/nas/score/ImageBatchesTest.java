package dev.connectome.nas.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.nas.data.DataException;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.data.ImageBatches;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageBatchesTest {

    private static Dataset gray(int n, int h, int w) {
        float[] f = new float[n * h * w];
        int[] labels = new int[n];
        for (int s = 0; s < n; s++) {
            labels[s] = s % 2;
            for (int i = 0; i < h * w; i++) {
                f[s * h * w + i] = (s + 1) * ((i % 3) == 0 ? 1f : 0f) / n;
            }
        }
        return Dataset.of("tiny", f, labels, new int[] {1, h, w}, List.of("a", "b"));
    }

    @Test
    void mnistShapedImagesArePaddedReplicatedAndNormalised() {
        Dataset d = gray(10, 28, 28);
        ImageBatches.Batch b = ImageBatches.from(d, 4, new SplittableRandom(1));
        assertThat(b.shape()).containsExactly(4, 3, 32, 32);
        assertThat(b.classes()).isEqualTo(2);
        assertThat(b.source()).contains("zero-padded").contains("replicated");
        float[] x = b.images();
        int plane = 32 * 32;
        // the three channels are equal
        for (int i = 0; i < plane; i++) {
            assertThat(x[i]).isEqualTo(x[plane + i]).isEqualTo(x[2 * plane + i]);
        }
        // the padding border holds the normalised background (0 − mean)/std, the same everywhere
        assertThat(x[0]).isEqualTo(x[31]).isEqualTo(x[31 * 32]).isLessThan(0f);
    }

    @Test
    void sameSeedSameBatchAndDistinctSamples() {
        Dataset d = gray(50, 28, 28);
        ImageBatches.Batch a = ImageBatches.from(d, 20, new SplittableRandom(9));
        ImageBatches.Batch b = ImageBatches.from(d, 20, new SplittableRandom(9));
        assertThat(a.images()).isEqualTo(b.images());
        assertThat(a.labels()).isEqualTo(b.labels());
        assertThat(ImageBatches.from(d, 20, new SplittableRandom(10)).images()).isNotEqualTo(a.images());
        assertThat(a.first(5).count()).isEqualTo(5);
    }

    @Test
    void otherSizesAreResizedAndCifarLikeShapesKeepChannels() {
        Dataset small = gray(3, 40, 40);
        ImageBatches.Batch b = ImageBatches.from(small, 3, new SplittableRandom(1));
        assertThat(b.source()).contains("resized");
        float[] f = new float[2 * 3 * 32 * 32];
        for (int i = 0; i < f.length; i++) {
            f[i] = (i % 7) / 7f;
        }
        Dataset cifar = Dataset.of("cifar-10-train", f, new int[] {0, 1}, new int[] {3, 32, 32}, List.of("a", "b"));
        ImageBatches.Batch c = ImageBatches.from(cifar, 2, new SplittableRandom(1));
        assertThat(c.source()).contains("NB201 CIFAR-10 mean/std");
        // value 0 in the red channel becomes −mean/std = −125.3/63.0
        int zeroAt = -1;
        for (int i = 0; i < 1024 && zeroAt < 0; i++) {
            if (cifarSampleValue(cifar, c, i) == 0f) {
                zeroAt = i;
            }
        }
        assertThat(zeroAt).isNotNegative();
        assertThat(c.images()[zeroAt]).isCloseTo(-125.3f / 63.0f, within(1e-4f));
    }

    /** The raw red-channel value at position i of the sample that became batch image 0. */
    private static float cifarSampleValue(Dataset d, ImageBatches.Batch b, int i) {
        int sample = d.label(0) == b.labels()[0] ? 0 : 1;
        return d.features()[sample * 3072 + i];
    }

    @Test
    void errorsNameTheProblem(@TempDir Path empty) {
        assertThatThrownBy(() -> ImageBatches.from(gray(3, 28, 28), 4, new SplittableRandom(1)))
                .hasMessageContaining("cannot draw 4 images from 3");
        assertThatThrownBy(() -> ImageBatches.load(empty, "mnist", 4, 1)).isInstanceOf(DataException.class);
        // "auto" falls back to the embedded MNIST sample when nothing is on disk
        ImageBatches.Batch auto = ImageBatches.load(empty, "auto", 8, 1);
        assertThat(auto.source()).contains("mnist");
        assertThat(auto.count()).isEqualTo(8);
    }
}
