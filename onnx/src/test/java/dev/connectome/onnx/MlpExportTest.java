package dev.connectome.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.Mlp;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MlpExportTest {

    static float[] forward(Module m, float[] x, int batch, int features) {
        Tape tape = Tape.inference(Parallelism.single());
        Tensor out = m.forward(tape, Tensor.of(x.clone(), batch, features));
        return out.data().clone();
    }

    static float[] randomInput(int n, long seed, float scale) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) ((rng.nextDouble() * 2 - 1) * scale);
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void everyActivationMatchesOnnxRuntime(Activation activation) throws Exception {
        Module mlp = Mlp.of(12, new int[] {16, 8}, 5, activation, new SplittableRandom(3));
        OnnxModel model = OnnxModel.of(mlp, new int[] {12}, 5, ModelInfo.of("mlp", "test"));
        float[] x = randomInput(7 * 12, 11, 2f);
        float[] expected = forward(mlp, x, 7, 12);
        float[] actual = OrtRunner.run(model.toBytes(), "input", x, 7, 12);
        assertThat(actual).hasSize(expected.length);
        assertThat(OrtRunner.relativeError(actual, expected)).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void linearWithoutBiasAndMetadataAreWritten(@TempDir Path dir) throws Exception {
        Module net = new Sequential(new Linear(4, 3, false, dev.connectome.engine.nn.Init.torchLinearDefault(),
                new SplittableRandom(1)), Activation.TANH);
        ModelInfo info = ModelInfo.of("tiny", "a test model").withProperty("provenance", "{\"seed\":1}");
        Path file = dir.resolve("tiny.onnx");
        OnnxModel.of(net, new int[] {4}, 3, info).write(file);
        ModelProto proto = ModelProto.parseFrom(Files.readAllBytes(file));
        assertThat(proto.getOpsetImport(0).getVersion()).isEqualTo(OnnxModel.OPSET);
        Map<String, String> meta = new java.util.HashMap<>();
        proto.getMetadataPropsList().forEach(p -> meta.put(p.getKey(), p.getValue()));
        assertThat(meta).containsEntry("provenance", "{\"seed\":1}").containsKeys("input", "output");
        float[] x = randomInput(2 * 4, 5, 1f);
        assertThat(OrtRunner.relativeError(OrtRunner.run(Files.readAllBytes(file), "input", x, 2, 4),
                forward(net, x, 2, 4))).isLessThanOrEqualTo(1e-5);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void unknownModuleFailsWithItsNameAndWritesNothing(@TempDir Path dir) {
        Module odd = new Module() {
            @Override
            public Tensor forward(Tape tape, Tensor x) {
                return x;
            }

            @Override
            public Map<String, Tensor> namedParameters() {
                return Map.of();
            }
        };
        Module net = new Sequential(Activation.RELU, odd);
        Path file = dir.resolve("bad.onnx");
        assertThatThrownBy(() -> OnnxModel.of(net, new int[] {3}, 3, ModelInfo.of("bad", "")).write(file))
                .isInstanceOf(OnnxExportException.class)
                .hasMessageContaining("module '1'")
                .hasMessageContaining("no ONNX mapping");
        assertThat(file).doesNotExist();
    }
}
