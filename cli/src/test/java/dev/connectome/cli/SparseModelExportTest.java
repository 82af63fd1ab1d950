package dev.connectome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.connectome.cli.model.ModelFile;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trained sparse and subspace models saved as plain MLP files: eval and export work on them unchanged. */
class SparseModelExportTest {
    private static final Pattern ACCURACY = Pattern.compile("test accuracy ([0-9.]+)%");

    @TempDir
    Path tmp;

    /** The last "test accuracy X%" in {@code out}. */
    static String accuracy(String out) {
        Matcher m = ACCURACY.matcher(out);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertThat(last).as(out).isNotNull();
        return last;
    }

    static long nonzeroWeights(Path model) throws Exception {
        long n = 0;
        for (var e : ModelFile.read(model).model().namedParameters().entrySet()) {
            if (e.getKey().endsWith("weight")) {
                for (float v : e.getValue().data()) {
                    n += v != 0 ? 1 : 0;
                }
            }
        }
        return n;
    }

    /**
     * Exports {@code model} and checks ONNX Runtime against the model file's own forward pass on 4 random
     * inputs followed by 4 real digits of the embedded MNIST sample.
     */
    static void exportAgrees(Path model, Path onnx, int inputs) throws Exception {
        CliRun export = CliRun.of("export", model.toString(), "--onnx", onnx.toString());
        assertThat(export.code()).as(export.err()).isZero();
        int batch = 8;
        float[] x = new float[batch * inputs];
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < x.length / 2; i++) {
            x[i] = (float) rng.nextDouble();
        }
        float[] digits = dev.connectome.nas.data.EmbeddedSample.mnist().validation().features();
        System.arraycopy(digits, 0, x, x.length / 2, x.length / 2);
        float[] ours = ModelFile.read(model).model().forward(Tape.inference(Parallelism.single()),
                Tensor.of(x.clone(), batch, inputs)).data().clone();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(Files.readAllBytes(onnx), new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {batch, inputs});
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
        }
    }

    @Test
    void sparseMlpSavedWithZerosEvaluatesAndExportsLikeTheSparseModel() throws Exception {
        Path model = tmp.resolve("sparse.cnm");
        CliRun train = CliRun.of("wire", "sparse", "--keep", "0.2", "--hidden", "24", "--limit", "400", "--epochs", "1",
                "-o", model.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("model saved to");
        // 784·24 and 24·10 weights at keep 0.2, rounded towards keeping as ChooseEdges does
        long kept = dev.connectome.nas.wiring.WiringVariants.edgesFor(784 * 24, 0.2)
                + dev.connectome.nas.wiring.WiringVariants.edgesFor(24 * 10, 0.2);
        assertThat(nonzeroWeights(model)).isEqualTo(kept);

        CliRun eval = CliRun.of("eval", model.toString(), "--limit", "400", "--threads", "1");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(accuracy(eval.out())).isEqualTo(accuracy(train.out()));
        exportAgrees(model, tmp.resolve("sparse.onnx"), 784);
    }

    @Test
    void sparseOutputThatIsADirectoryFailsBeforeTraining() {
        CliRun r = CliRun.of("wire", "sparse", "--limit", "50", "-o", tmp.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.out()).doesNotContain("epoch");
    }

    @Test
    void subspaceTrainedModelSavedWithThetaMaterialisedEvaluatesAndExports() throws Exception {
        Path model = tmp.resolve("sub.cnm");
        CliRun train = CliRun.of("subspace", "train", "--model", "mlp:12", "--dim", "40", "--projection", "sparse",
                "--epochs", "1", "--lr", "0.01", "--limit", "300", "-o", model.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.out()).contains("d = 40 of D = 9550", "model saved to", "784-12-10 relu");

        CliRun eval = CliRun.of("eval", model.toString(), "--limit", "300", "--threads", "1");
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(accuracy(eval.out())).isEqualTo(accuracy(train.out()));
        exportAgrees(model, tmp.resolve("sub.onnx"), 784);
    }
}
