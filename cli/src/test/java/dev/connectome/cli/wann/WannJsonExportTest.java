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
    }
}
