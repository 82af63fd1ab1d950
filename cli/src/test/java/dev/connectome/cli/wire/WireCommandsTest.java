package dev.connectome.cli.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.cli.Io;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The wire commands in-process on the embedded MNIST sample (--limit keeps them fast), through the
 * {@link WireCommand} command line as Main registers it, with the same one-line error handling.
 */
class WireCommandsTest {

    record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(err, true), false);
        CommandLine cli = WireCommand.commandLine(io);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof dev.connectome.cli.UserException) {
                io.err().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void trainsANeuronGraphAndWritesTheViewer(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("wiring.html");
        Run r = run("train", "--graph", "neuron", "--edges", "300", "--blocks", "20,20", "--limit", "300",
                "--epochs", "2", "--snapshot-every", "2", "--viewer", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("neuron graph, dnw, 300 of").contains("epoch 2/2").contains("test accuracy");
        assertThat(r.out()).contains("wiring viewer written");
        assertThat(Files.readString(html)).contains("type=\"range\"").contains("\"frames\"");
    }

    @Test
    void trainsTheChannelGraphAndASparseMlp() {
        Run channel = run("train", "--graph", "channel", "--variant", "random", "--edges", "100", "--blocks", "8,8",
                "--limit", "64", "--epochs", "1", "--batch", "32");
        assertThat(channel.code()).as(channel.err()).isZero();
        assertThat(channel.out()).contains("channel graph, random, 100 of");
        Run everyNode = run("train", "--graph", "channel", "--variant", "dnw-every-node", "--edges", "100", "--blocks",
                "8,8", "--no-input-node-ops", "--node-norm", "instance", "--limit", "64", "--epochs", "1",
                "--batch", "32");
        assertThat(everyNode.code()).as(everyNode.err()).isZero();
        assertThat(everyNode.out()).contains("channel graph, dnw-every-node, 100 of");
        Run tooFew = run("train", "--graph", "channel", "--variant", "dnw-every-node", "--edges", "10", "--blocks",
                "8,8", "--limit", "64", "--epochs", "1", "--batch", "32");
        assertThat(tooFew.code()).isEqualTo(2);
        Run badNorm = run("train", "--graph", "channel", "--node-norm", "layer", "--limit", "64");
        assertThat(badNorm.code()).isEqualTo(2);
        assertThat(badNorm.err().strip()).isEqualTo("error: --node-norm must be batch or instance, got 'layer'");
        assertThat(tooFew.err().strip()).contains("at least one edge per node").doesNotContain("\n")
                .doesNotContain("Exception");
        Run sparse = run("sparse", "--model", "mlp", "--keep", "0.1", "--hidden", "32", "--limit", "500", "--epochs", "1");
        assertThat(sparse.code()).as(sparse.err()).isZero();
        assertThat(sparse.out()).contains("keep 0.1").contains("test accuracy");
    }

    @Test
    void badInputIsOneLineExitTwo() {
        Run variant = run("train", "--variant", "nope", "--limit", "50");
        assertThat(variant.code()).isEqualTo(2);
        assertThat(variant.err().strip()).contains("unknown wiring variant 'nope'").doesNotContain("\n");
        Run edges = run("train", "--edges", "99999999", "--blocks", "4", "--limit", "50");
        assertThat(edges.code()).isEqualTo(2);
        assertThat(edges.err().strip()).contains("edge budget");
        Run keep = run("sparse", "--keep", "1.5", "--limit", "50");
        assertThat(keep.code()).isEqualTo(2);
        assertThat(keep.err().strip()).contains("--keep must be in (0, 1]");
        Run graph = run("train", "--graph", "tree", "--limit", "50");
        assertThat(graph.err().strip()).contains("--graph must be neuron or channel");
        Run shift = run("train", "--shift", "40", "--blocks", "4", "--edges", "100", "--limit", "50");
        assertThat(shift.code()).isEqualTo(2);
        assertThat(shift.err().strip()).contains("--shift").contains("padding").doesNotContain("\n");
    }

    @Test
    void augmentedTrainingRunsAndChangesTheResult() {
        String[] base = {"train", "--graph", "channel", "--variant", "random", "--edges", "100", "--blocks", "8,8",
            "--limit", "64", "--epochs", "1", "--batch", "32"};
        Run plain = run(base);
        String[] augmented = Arrays.copyOf(base, base.length + 3);
        augmented[base.length] = "--shift";
        augmented[base.length + 1] = "2";
        augmented[base.length + 2] = "--flip";
        Run shifted = run(augmented);
        assertThat(shifted.code()).as(shifted.err()).isZero();
        assertThat(shifted.out()).contains("test accuracy");
        assertThat(loss(shifted.out())).isNotEqualTo(loss(plain.out()));
    }

    private static String loss(String out) {
        int i = out.indexOf("train loss ");
        return out.substring(i, out.indexOf(',', i));
    }
}
