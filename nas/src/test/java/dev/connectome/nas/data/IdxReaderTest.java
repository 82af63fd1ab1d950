package dev.connectome.nas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IdxReaderTest {
    // Fixture pixels are (17*i + 5) % 256 over 4 images of 3×2 (make_test_fixtures.py).
    private static float pixel(int i) {
        return ((17 * i + 5) % 256) / 255f;
    }

    private static Path idx(String name) {
        return Fixtures.path("idx/" + name);
    }

    @Test
    void readsRawFiles() {
        Dataset d = IdxReader.read(idx("good-images-idx3-ubyte"), idx("good-labels-idx1-ubyte"));
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.sampleShape()).containsExactly(1, 3, 2);
        assertThat(d.labels()).containsExactly(3, 0, 9, 1);
        assertThat(d.numClasses()).isEqualTo(10);
        for (int i = 0; i < 24; i++) {
            assertThat(d.features()[i]).isEqualTo(pixel(i));
        }
        assertThat(d.name()).isEqualTo("good-images-idx3-ubyte");
    }

    @Test
    void gzipIsRecognisedByContentNotExtension() {
        Dataset raw = IdxReader.read(idx("good-images-idx3-ubyte"), idx("good-labels-idx1-ubyte"));
        Dataset gz = IdxReader.read(idx("good-images-idx3-ubyte.gz"), idx("good-labels-idx1-ubyte.gz"));
        Dataset noExt = IdxReader.read(idx("gzipped-no-extension-images"), idx("good-labels-idx1-ubyte"));
        assertThat(gz.sha256()).isEqualTo(raw.sha256());
        assertThat(noExt.sha256()).isEqualTo(raw.sha256());
    }

    private static void assertFails(String images, String labels, String... fragments) {
        assertThatThrownBy(() -> IdxReader.read(idx(images), idx(labels), Dataset.numberedClasses(10)))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll(fragments);
    }

    @Test
    void emptyFile() {
        assertFails("empty-images-idx3-ubyte", "good-labels-idx1-ubyte", "empty-images-idx3-ubyte", "empty file");
    }

    @Test
    void wrongMagic() {
        assertFails("wrong-magic-images-idx3-ubyte", "good-labels-idx1-ubyte",
                "wrong-magic-images-idx3-ubyte", "wrong magic number 0x12345678", "expected 0x00000803");
    }

    @Test
    void labelFileGivenAsImages() {
        assertFails("good-labels-idx1-ubyte", "good-labels-idx1-ubyte", "good-labels-idx1-ubyte", "magic number 0x00000801");
    }

    @Test
    void shortHeader() {
        assertFails("short-header-images-idx3-ubyte", "good-labels-idx1-ubyte",
                "short-header-images-idx3-ubyte", "truncated", "16-byte IDX header");
    }

    @Test
    void truncatedBody() {
        assertFails("truncated-images-idx3-ubyte", "good-labels-idx1-ubyte",
                "truncated-images-idx3-ubyte: truncated: header says 4 images of 3×2 but only 15 bytes of pixels follow");
    }

    @Test
    void headerCountLargerThanFile() {
        assertFails("count-too-large-images-idx3-ubyte", "good-labels-idx1-ubyte",
                "count-too-large-images-idx3-ubyte", "header says 60000 images", "only 24 bytes");
    }

    @Test
    void trailingGarbage() {
        assertFails("trailing-images-idx3-ubyte", "good-labels-idx1-ubyte",
                "trailing-images-idx3-ubyte", "5 bytes of trailing data");
    }

    @Test
    void labelsOutOfRange() {
        assertFails("good-images-idx3-ubyte", "out-of-range-labels-idx1-ubyte",
                "out-of-range-labels-idx1-ubyte", "label 12 at index 2 is out of range for 10 classes");
    }

    @Test
    void countMismatchBetweenImagesAndLabels() {
        assertFails("good-images-idx3-ubyte", "three-labels-idx1-ubyte",
                "three-labels-idx1-ubyte", "3 labels", "4 images");
    }

    @Test
    void truncatedLabels() {
        assertFails("good-images-idx3-ubyte", "truncated-labels-idx1-ubyte",
                "truncated-labels-idx1-ubyte", "header says 9 labels but only 4 bytes");
    }

    @Test
    void corruptGzip() {
        assertFails("corrupt-images-idx3-ubyte.gz", "good-labels-idx1-ubyte", "corrupt-images-idx3-ubyte.gz", "gzip");
    }

    @Test
    void truncatedGzip() {
        assertFails("truncated-images-idx3-ubyte.gz", "good-labels-idx1-ubyte",
                "truncated-images-idx3-ubyte.gz", "truncated gzip");
    }

    @Test
    void missingFile() {
        Path nowhere = idx("good-images-idx3-ubyte").resolveSibling("no-such-file");
        assertThatThrownBy(() -> IdxReader.read(nowhere, idx("good-labels-idx1-ubyte")))
                .isInstanceOf(DataException.class).hasMessageContainingAll("no-such-file", "no such file");
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        byte[] img = {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 10, 20, 30, 40};
        byte[] lbl = {0, 0, 8, 1, 0, 0, 0, 1, 5};
        Dataset d = IdxReader.parse("t", img, "img", lbl, "lbl", null, true);
        assertThat(d.features()).containsExactly(10 / 255f, 30 / 255f, 20 / 255f, 40 / 255f);
        assertThat(d.numClasses()).isEqualTo(6);
    }
}
