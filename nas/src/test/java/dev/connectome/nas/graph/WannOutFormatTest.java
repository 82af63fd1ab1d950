package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WannOutFormatTest {
    static Path resource(String name) {
        try {
            return Path.of(WannOutFormatTest.class.getResource("/wann/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void swingOutLoadsAsThePublishedChampion() throws IOException {
        Path file = resource("swing.out");
        NeuronGraph g = WannOutFormat.read(file, 5, 1);
        assertThat(g.nodes()).hasSize(29);
        assertThat(g.hiddenCount()).isEqualTo(22);
        assertThat(g.enabledConnectionCount()).isEqualTo(52);
        assertThat(g.nodes().get(28).kind()).isEqualTo(NodeKind.OUTPUT);
        assertThat(g.nodes().get(28).activation()).isEqualTo(WannActivation.LINEAR);
        assertThat(g.evaluationOrder()).isEqualTo(g.nodes()); // the file's order is kept
        // Writing gives back the file byte for byte (numpy's %1.2e and nan).
        assertThat(WannOutFormat.format(g)).isEqualTo(Files.readString(file));
        assertThat(GraphNet.compile(g).weightCount()).isEqualTo(52);
    }

    @Property(tries = 60)
    void exportThenImportGivesTheSameOutputs(@ForAll @IntRange(min = 0, max = 40) int mutations, @ForAll long seed) {
        NeuronGraph g = Genomes.random(4, 2, mutations, Genomes.ALL, seed);
        NeuronGraph back = WannOutFormat.parse(WannOutFormat.format(g), "mem", 4, 2);
        assertThat(back.enabledConnectionCount()).isEqualTo(g.enabledConnectionCount());
        assertThat(back.connections()).hasSameSizeAs(g.connections());
        assertThat(back.hiddenCount()).isEqualTo(g.hiddenCount());
        // a genome read from a file round-trips exactly
        assertThat(WannOutFormat.parse(WannOutFormat.format(back), "mem", 4, 2)).isEqualTo(back);
        float[] x = Genomes.uniform(9 * 4, -1f, 1f, seed);
        for (float w : new float[] {-2f, -0.5f, 1f}) {
            float[] a = new float[18];
            float[] b = new float[18];
            GraphNet.compile(g).forwardShared(x, 9, w, a);
            GraphNet.compile(back).forwardShared(x, 9, w, b);
            assertThat(b).containsExactly(a);
        }
    }

    @Test
    void writeIsAtomicAndReadable(@TempDir Path dir) throws IOException {
        NeuronGraph g = WannOutFormat.read(resource("swing.out"), 5, 1);
        Path f = dir.resolve("sub/champion.out");
        WannOutFormat.write(g, f);
        assertThat(WannOutFormat.read(f, 5, 1)).isEqualTo(g);
        try (var files = Files.list(f.getParent())) {
            assertThat(files).containsExactly(f); // no temp file left behind
        }
    }

    private static final String OK = """
            0,0,1,1,1.00e+00
            0,0,nan,1,1
            0,0,0,1,5
            0,0,0,0,1
            """;

    @Test
    void smallFileParses() {
        NeuronGraph g = WannOutFormat.parse(OK, "ok.out", 1, 1);
        assertThat(g.hiddenCount()).isEqualTo(1);
        assertThat(g.enabledConnectionCount()).isEqualTo(4);
        assertThat(g.connections()).hasSize(5);
        assertThat(g.node(2).activation()).isEqualTo(WannActivation.TANH);
    }

    @Test
    void malformedFilesAreRejectedNamingFileAndLine() {
        assertBad("", 1, 1, "bad.out: empty file");
        assertBad("0,0,1,1,1\n0,0,1,1\n0,0,0,1,1\n0,0,0,0,1\n", 1, 1, "bad.out:2: ragged rows");
        assertBad("0,0,1,1,1\n0,0,x,1,1\n0,0,0,1,1\n0,0,0,0,1\n", 1, 1, "bad.out:2: column 3: 'x' is not a finite number");
        assertBad("0,0,1,1,1\n0,0,1,1,1\n0,0,0,1,1\n0,0,1,0,1\n", 1, 1, "bad.out:4: entry 1 in column 3 is on or below the diagonal");
        assertBad("0,0,1,1,1\n0,0,1,1,1\n0,0,1,1,1\n0,0,0,0,1\n", 1, 1, "bad.out:3: entry 1 in column 3 is on or below");
        assertBad(OK, 3, 1, "bad.out: 4 nodes, but a task with 3 inputs and 1 outputs needs at least 5");
        assertBad("0,0,1,1,1\n0,0,1,1,1\n0,0,0,1,12\n0,0,0,0,1\n", 1, 1, "bad.out:3: activation id 12 is not an integer in 1..11");
        assertBad("0,0,1,1,1\n0,0,1,1,1\n0,0,0,1,2.5\n0,0,0,0,1\n", 1, 1, "bad.out:3: activation id 2.5");
        assertBad("0,1,1,1,1\n0,0,1,1,1\n0,0,0,1,1\n0,0,0,0,1\n", 1, 1, "bad.out:1: entry in column 2 connects into the bias or an input");
        assertBad("0,0,1,1,1\n0,0,1,1,1\n0,0,0,1,1\n0,0,0,0,1\n", 1, 2, "bad.out:3: output node (row 3) has an outgoing connection");
        assertBad("0,1,1\n0,0,1\n0,0,0\n", 1, 1, "bad.out:1: 3 rows need 4 columns");
    }

    private static void assertBad(String text, int in, int out, String message) {
        assertThatThrownBy(() -> WannOutFormat.parse(text, "bad.out", in, out))
                .isInstanceOf(GraphFormatException.class).hasMessageContaining(message);
    }

    @Test
    void missingFileIsAFormatErrorNamingTheFile(@TempDir Path dir) {
        Path f = dir.resolve("nope.out");
        assertThatThrownBy(() -> WannOutFormat.read(f, 5, 1)).isInstanceOf(GraphFormatException.class)
                .hasMessageContaining("nope.out: cannot read");
    }

    @Test
    void enabledZeroWeightCannotBeWritten() {
        NeuronGraph g = WannOutFormat.parse(OK, "ok.out", 1, 1);
        var conns = new java.util.ArrayList<>(g.connections());
        Connection c0 = conns.get(0);
        conns.set(0, new Connection(c0.innovation(), c0.source(), c0.target(), 0f, true));
        NeuronGraph z = NeuronGraph.of(1, 1, g.nodes(), conns);
        assertThatThrownBy(() -> WannOutFormat.format(z)).hasMessageContaining("weight 0.0");
        assertThat(Arrays.asList(WannOutFormat.format(g).split("\n"))).hasSize(4);
    }
}
