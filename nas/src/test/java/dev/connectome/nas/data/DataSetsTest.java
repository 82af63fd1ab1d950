package dev.connectome.nas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetsTest {
    @TempDir
    Path dir;

    private void put(Path target, String images, String labels) throws IOException {
        Files.createDirectories(target);
        Files.copy(Fixtures.path("idx/good-images-idx3-ubyte.gz"), target.resolve(images));
        Files.copy(Fixtures.path("idx/good-labels-idx1-ubyte"), target.resolve(labels));
    }

    @Test
    void findsFilesInNamedSubdirectory() throws IOException {
        put(dir.resolve("fashion-mnist"), "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte");
        Dataset d = DataSets.load(dir, "fashion-mnist", false);
        assertThat(d.name()).isEqualTo("fashion-mnist-test");
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.classNames().get(9)).isEqualTo("Ankle boot");
    }

    @Test
    void findsFilesDirectlyInDir() throws IOException {
        put(dir, "train-images-idx3-ubyte", "train-labels-idx1-ubyte.gz");
        assertThat(DataSets.load(dir, "mnist", true).labels()).containsExactly(3, 0, 9, 1);
    }

    @Test
    void emnistLettersShiftedAndTransposed() throws IOException {
        Path g = dir.resolve("emnist").resolve("gzip");
        Files.createDirectories(g);
        // one 2x2 image, label 3 ('C')
        Files.write(g.resolve("emnist-letters-test-images-idx3-ubyte"),
                new byte[] {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 2, 10, 20, 30, 40});
        Files.write(g.resolve("emnist-letters-test-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 3});
        Dataset d = DataSets.load(dir, "emnist-letters", false);
        assertThat(d.numClasses()).isEqualTo(26);
        assertThat(d.labels()).containsExactly(2);
        assertThat(d.classNames().get(2)).isEqualTo("C");
        assertThat(d.features()).containsExactly(10 / 255f, 30 / 255f, 20 / 255f, 40 / 255f);
    }

    @Test
    void missingFilesListWhatWasLookedFor() {
        assertThatThrownBy(() -> DataSets.load(dir, "kmnist", true))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("kmnist (train) not found",
                        dir.resolve("kmnist").resolve("train-images-idx3-ubyte.gz").toString(),
                        dir.resolve("train-images-idx3-ubyte").toString());
        assertThatThrownBy(() -> DataSets.load(dir, "mnist", true)).hasMessageContaining("connectome data get mnist");
    }

    @Test
    void embeddedSampleByName() {
        assertThat(DataSets.load(dir, "mnist-sample", false).size()).isEqualTo(2000);
    }

    @Test
    void unknownName() {
        assertThatThrownBy(() -> DataSets.load(dir, "imagenet", true))
                .isInstanceOf(DataException.class).hasMessageContainingAll("unknown data set 'imagenet'", "fashion-mnist");
    }

    @Test
    void cifarLayout() throws IOException {
        Path c = dir.resolve("cifar-10-batches-bin");
        Files.createDirectories(c);
        Files.copy(Fixtures.path("cifar/good_batch.bin"), c.resolve("test_batch.bin"));
        Dataset d = DataSets.load(dir, "cifar-10", false);
        assertThat(d.name()).isEqualTo("cifar-10-test");
        assertThat(d.size()).isEqualTo(2);
    }

    /** Full-data check: runs only where the project's shared data directory (or CONNECTOME_DATA) exists. */
    @Test
    void fullMnistTestSetWhenAvailable() {
        Path data = dataDir();
        assumeTrue(data != null && Files.isDirectory(data.resolve("mnist")), "no MNIST data directory");
        Dataset test = DataSets.load(data, "mnist", false);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(test.sampleShape()).containsExactly(1, 28, 28);
        assertThat(DataFetcher.status(DataSource.MNIST, data).complete()).isTrue();
        Dataset small = Mnist256.apply(test.slice(0, 1000));
        assertThat(small.sampleSize()).isEqualTo(256);
    }

    static Path dataDir() {
        String env = System.getenv("CONNECTOME_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        // Surefire runs in the module directory: the repo root is one up, shared/ beside it.
        for (Path p : new Path[] {Path.of("../../shared/data"), Path.of("../shared/data")}) {
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }
}
