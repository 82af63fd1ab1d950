package dev.connectome.cli.wann;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.wann.GenomeText;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wann export --json}: the champion as JSON whose genome text reads back to the same graph. */
class WannJsonExportTest {
    @TempDir
    Path tmp;

    @Test
    void jsonGenomeReadsBackToTheExportedGraph() throws Exception {
        String db = tmp.resolve("s.db").toString();
        WannCli search = WannCli.run("search", "--population", "8", "--generations", "2", "--repeats", "1", "--workers", "1",
                "--storage", db);
        assertThat(search.code()).as(search.err()).isZero();
        Path out = tmp.resolve("c.out");
        Path json = tmp.resolve("c.json");
        WannCli export = WannCli.run("export", "wann-swingup-laptop-p8-seed1", "--storage", db, "-o", out.toString(),
                "--json", json.toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("wrote " + json);

        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("format").asText()).isEqualTo("connectome-wann-genome/1");
        assertThat(doc.get("task").asText()).isEqualTo("swingup");
        NeuronGraph g = GenomeText.parse(doc.get("genome").asText());
        assertThat(doc.get("inputs").asInt()).isEqualTo(5);
        assertThat(doc.get("nodes").size()).isEqualTo(g.nodes().size());
        assertThat(doc.get("connections").size()).isEqualTo(g.connections().size());
        // The .out file keeps only the enabled topology and activations: compare through it.
        NeuronGraph fromOut = WannOutFormat.read(out, 5, 1);
        assertThat(fromOut.enabledConnectionCount()).isEqualTo(g.enabledConnectionCount());
        assertThat(fromOut.hiddenCount()).isEqualTo(g.hiddenCount());
        Path again = tmp.resolve("again.out");
        WannOutFormat.write(g, again);
        assertThat(WannOutFormat.read(again, 5, 1)).isEqualTo(fromOut);

        // 'connectome export' reads the JSON genome too, and the ONNX model computes what the .out one does.
        float[] fromJson = exportAndRun(json, tmp.resolve("j.onnx"));
        float[] fromOutFile = exportAndRun(out, tmp.resolve("o.onnx"));
        assertThat(fromJson).containsExactly(fromOutFile);
    }

    private static float[] exportAndRun(Path genome, Path onnx) throws Exception {
        java.io.StringWriter o = new java.io.StringWriter();
        java.io.StringWriter e = new java.io.StringWriter();
        int code = dev.connectome.cli.Main.run(new String[] {"export", genome.toString(), "--task", "swingup", "--weight",
            "-1.5", "--onnx", onnx.toString()}, new dev.connectome.cli.Io(new java.io.PrintWriter(o, true),
                new java.io.PrintWriter(e, true), false));
        assertThat(code).as(e.toString()).isZero();
        var env = ai.onnxruntime.OrtEnvironment.getEnvironment();
        float[] x = {0.1f, -0.4f, 0.9f, 0.3f, -1.2f, 1f, 0.5f, -0.2f, 0.05f, 2f};
        try (var session = env.createSession(java.nio.file.Files.readAllBytes(onnx), new ai.onnxruntime.OrtSession.SessionOptions());
             var in = ai.onnxruntime.OnnxTensor.createTensor(env, java.nio.FloatBuffer.wrap(x), new long[] {2, 5});
             var result = session.run(java.util.Map.of("input", in))) {
            java.nio.FloatBuffer buf = ((ai.onnxruntime.OnnxTensor) result.get(0)).getFloatBuffer();
            float[] y = new float[buf.remaining()];
            buf.get(y);
            return y;
        }
    }
}
