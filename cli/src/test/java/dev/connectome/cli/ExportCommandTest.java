package dev.connectome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.connectome.cli.model.ModelFile;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void trainedModelExportsToOnnxThatRuntimeAgreesWith() throws Exception {
        Path data = SyntheticIdx.write(tmp.resolve("data"), 200, 50);
        Path model = tmp.resolve("m.cnm");
        CliRun train = CliRun.of("train", "--data", data.toString(), "--dataset", "mnist", "--hidden", "24,12",
                "--activation", "tanh", "--epochs", "1", "--threads", "1", "-o", model.toString());
        assertThat(train.code()).as(train.err()).isZero();

        Path onnx = tmp.resolve("out/m.onnx");
        CliRun export = CliRun.of("export", model.toString(), "--onnx", onnx.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("wrote", "784-24-12-10 tanh", "'logits'");

        int batch = 5;
        float[] x = new float[batch * 784];
        SplittableRandom rng = new SplittableRandom(9);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        float[] ours = ModelFile.read(model).model().forward(Tape.inference(Parallelism.single()),
                Tensor.of(x.clone(), batch, 784)).data().clone();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(Files.readAllBytes(onnx), new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {batch, 784});
             OrtSession.Result result = session.run(Map.of("input", in))) {
            FloatBuffer out = ((OnnxTensor) result.get("logits").orElseThrow()).getFloatBuffer();
            float[] theirs = new float[out.remaining()];
            out.get(theirs);
            assertThat(theirs).hasSize(ours.length);
            double scale = 1;
            for (float v : ours) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < ours.length; i++) {
                assertThat(Math.abs(theirs[i] - ours[i]) / scale).isLessThanOrEqualTo(1e-5);
            }
            assertThat(session.getMetadata().getCustomMetadata()).containsKeys("connectome.provenance",
                    "connectome.architecture", "input", "output");
        }
    }

    @Test
    void badInputsAreOneLineExit2AndWriteNothing() throws IOException {
        Path onnx = tmp.resolve("x.onnx");
        CliRun missing = CliRun.of("export", tmp.resolve("none.cnm").toString(), "--onnx", onnx.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.errLines()).isEqualTo(1);
        assertThat(missing.errLine()).contains("none.cnm");

        Path corrupt = Files.write(tmp.resolve("bad.cnm"), new byte[] {1, 2, 3, 4, 5});
        CliRun bad = CliRun.of("export", corrupt.toString(), "--onnx", onnx.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.errLines()).isEqualTo(1);
        assertThat(onnx).doesNotExist();

        CliRun noTarget = CliRun.of("export", corrupt.toString());
        assertThat(noTarget.code()).isEqualTo(2);
        assertThat(noTarget.errLine()).contains("--onnx");
    }

    @Test
    void wannGenomeExportsWithTunedOrSharedWeights() throws Exception {
        Path genome = Path.of(getClass().getResource("/export/swing.out").toURI());
        Path tuned = Path.of(getClass().getResource("/export/cartpole_swingup.wann.json").toURI());
        Path onnx = tmp.resolve("swing.onnx");
        CliRun r = CliRun.of("export", genome.toString(), "--task", "swingup", "--weights", tuned.toString(),
                "--onnx", onnx.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("52 connections", "tuned weights");
        assertThat(onnx).isNotEmptyFile();

        CliRun shared = CliRun.of("export", genome.toString(), "--task", "swingup", "--weight", "-1",
                "--onnx", tmp.resolve("shared.onnx").toString());
        assertThat(shared.code()).as(shared.err()).isZero();
        assertThat(shared.out()).contains("shared weight -1.0");

        for (String[] bad : new String[][] {
            {"export", genome.toString(), "--onnx", tmp.resolve("a.onnx").toString(), "--weight", "1"},
            {"export", genome.toString(), "--task", "swingup", "--onnx", tmp.resolve("b.onnx").toString()},
            {"export", genome.toString(), "--task", "pong", "--weight", "1", "--onnx", tmp.resolve("c.onnx").toString()},
            {"export", genome.toString(), "--task", "mnist256", "--weight", "1", "--onnx", tmp.resolve("d.onnx").toString()},
            {"export", genome.toString(), "--task", "swingup", "--weights", genome.toString(), "--onnx", tmp.resolve("e.onnx").toString()},
        }) {
            CliRun fail = CliRun.of(bad);
            assertThat(fail.code()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(fail.errLines()).as(fail.err()).isEqualTo(1);
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("swing.onnx", "shared.onnx");
        }
    }

    @Test
    void freshNb201NetworkExportsAndRunsInOnnxRuntime() throws Exception {
        String arch = "|nor_conv_3x3~0|+|none~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|";
        Path onnx = tmp.resolve("nb201.onnx");
        CliRun r = CliRun.of("export", "--nb201", arch, "--channels", "4", "--cells", "1", "--classes", "3",
                "--image-size", "8", "--seed", "7", "--onnx", onnx.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("untrained NB201", "C=4 N=1", "[batch, 3, 8, 8]");

        SplittableRandom rng = new SplittableRandom(3);
        float[] x = new float[2 * 3 * 8 * 8];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        // The same seed gives the same fresh network in-process; eval mode uses running mean 0 / variance 1.
        var net = new dev.connectome.nas.cell.Nb201Network(dev.connectome.nas.cell.Nb201Cell.parse(arch),
                new dev.connectome.nas.cell.Nb201NetworkSettings(4, 1, 3, true), new SplittableRandom(7));
        net.train(false);
        float[] ours = net.forward(Tape.inference(Parallelism.single()), Tensor.of(x.clone(), 2, 3, 8, 8)).data().clone();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(Files.readAllBytes(onnx), new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {2, 3, 8, 8});
             OrtSession.Result result = session.run(Map.of("input", in))) {
            FloatBuffer out = ((OnnxTensor) result.get("logits").orElseThrow()).getFloatBuffer();
            float[] theirs = new float[out.remaining()];
            out.get(theirs);
            assertThat(theirs).hasSize(6);
            double scale = 1;
            for (float v : ours) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < ours.length; i++) {
                assertThat(Math.abs(theirs[i] - ours[i]) / scale).isLessThanOrEqualTo(1e-5);
            }
            assertThat(session.getMetadata().getDescription()).contains("UNTRAINED");
            assertThat(session.getMetadata().getCustomMetadata()).containsEntry("connectome.architecture", arch)
                    .containsKey("connectome.network");
        }

        for (String[] bad : new String[][] {
            {"export", "--nb201", "|bogus~0|", "--onnx", tmp.resolve("a.onnx").toString()},
            {"export", "--nb201", arch, "--image-size", "10", "--onnx", tmp.resolve("b.onnx").toString()},
            {"export", "--nb201", arch, "--channels", "0", "--onnx", tmp.resolve("c.onnx").toString()},
            {"export", "--onnx", tmp.resolve("d.onnx").toString()},
        }) {
            CliRun fail = CliRun.of(bad);
            assertThat(fail.code()).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(fail.errLines()).as(fail.err()).isEqualTo(1);
        }
        try (var files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("nb201.onnx");
        }
    }
}
