package dev.connectome.cli.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Parameters;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.task.Classification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path tmp;

    private MlpSpec spec;
    private Module model;
    private ModelHeader header;
    private Path file;

    @BeforeEach
    void save() throws IOException {
        spec = MlpSpec.of(12, new int[] {7, 5}, "tanh", 3, new int[] {3, 4}, List.of("a", "b", "c"));
        model = spec.build(new SplittableRandom(3));
        header = ModelHeader.describe(spec, model, Map.of("epochs", 3),
                Map.of("testAccuracy", 0.5), new ModelHeader.Provenance("toy", "ab".repeat(32), 3, "test", "now", "jvm"));
        file = tmp.resolve("m.cnm");
        ModelFile.write(file, header, model);
    }

    @Test
    void roundTripGivesIdenticalWeightsAndPredictions() throws IOException {
        ModelFile.Saved saved = ModelFile.read(file);
        assertThat(saved.header().architecture()).isEqualTo(spec);
        assertThat(saved.header().parameters()).hasSize(6);
        assertThat(saved.header().training()).containsEntry("epochs", 3);
        assertThat(saved.header().provenance().dataset()).isEqualTo("toy");
        assertThat(Parameters.flatten(saved.model())).containsExactly(Parameters.flatten(model));

        SplittableRandom rng = new SplittableRandom(9);
        float[] x = new float[50 * 12];
        int[] y = new int[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        Dataset data = Dataset.of("probe", x, y, new int[] {3, 4}, List.of("a", "b", "c"));
        int[] before = Classification.predict(model, data, 16, Parallelism.single());
        int[] after = Classification.predict(saved.model(), data, 16, Parallelism.single());
        assertThat(after).containsExactly(before);
    }

    @Test
    void overwritingIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        ModelFile.write(file, header, model);
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void wrongMagicIsRejected() throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[1] = 'X';
        Files.write(file, b);
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessage(file + ": not a connectome model file (wrong magic bytes)");
    }

    @Test
    void everyTruncationIsRejected() throws IOException {
        byte[] b = Files.readAllBytes(file);
        for (int len : new int[] {0, 4, 8, 15, 30, b.length / 2, b.length - 5, b.length - 1}) {
            Files.write(file, Arrays.copyOf(b, len));
            assertThatThrownBy(() -> ModelFile.read(file)).as("length " + len).isInstanceOf(ModelFileException.class)
                    .hasMessageStartingWith(file + ": ")
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("truncated", "wrong magic", "corrupt"));
        }
        Files.write(file, Arrays.copyOf(b, b.length - 40));
        assertThatThrownBy(() -> ModelFile.read(file)).hasMessageContaining("truncated");
    }

    @Test
    void flippedBitIsACrcMismatch() throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[b.length - 20] ^= 0x10; // inside the last parameter block
        Files.write(file, b);
        assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFileException.class)
                .hasMessageContaining("CRC32 mismatch");
    }

    @Test
    void trailingBytesAndFutureVersionsAreRejected() throws IOException {
        byte[] b = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(b, b.length + 3));
        assertThatThrownBy(() -> ModelFile.read(file)).hasMessageContaining("unexpected bytes at the end");
        byte[] v = b.clone();
        v[8] = 9;
        Files.write(file, v);
        assertThatThrownBy(() -> ModelFile.read(file)).hasMessageContaining("unsupported model format version 9");
    }

    @Test
    void headerMustMatchTheModel() {
        Module other = MlpSpec.of(12, new int[] {6}, "tanh", 3, null, null).build(new SplittableRandom(1));
        assertThatThrownBy(() -> ModelFile.write(tmp.resolve("x.cnm"), header, other))
                .isInstanceOf(ModelFileException.class).hasMessageContaining("parameter");
        assertThat(tmp.resolve("x.cnm")).doesNotExist();
    }
}
