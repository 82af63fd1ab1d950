package dev.connectome.cli.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.analysis.LandscapeCsv;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.WannOutFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WeightsCommandsTest {
    @TempDir
    static Path dir;
    static Path graph;

    @BeforeAll
    static void fixtures() throws IOException {
        Path mnist = Files.createDirectories(dir.resolve("data/mnist"));
        SplittableRandom rng = new SplittableRandom(42);
        writeIdx(mnist, "train", 300, rng);
        writeIdx(mnist, "t10k", 100, rng);
        graph = dir.resolve("g.out");
        WannOutFormat.write(NeuronGraph.initial(256, 10, 0.1, new SplittableRandom(3)), graph);
    }

    /** Class c lights up rows 2c..2c+2 of a 28×28 image (plus noise). */
    private static void writeIdx(Path d, String prefix, int n, SplittableRandom rng) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + n * 784).putInt(0x803).putInt(n).putInt(28).putInt(28);
        ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
        for (int i = 0; i < n; i++) {
            int c = i % 10;
            labels.put((byte) c);
            for (int p = 0; p < 784; p++) {
                int row = p / 28;
                images.put((byte) (row >= 2 * c && row < 2 * c + 3 ? 200 + rng.nextInt(56) : rng.nextInt(60)));
            }
        }
        Files.write(d.resolve(prefix + "-images-idx3-ubyte"), images.array());
        Files.write(d.resolve(prefix + "-labels-idx1-ubyte"), labels.array());
    }

    private static String run(Object command, String... args) {
        int code = new CommandLine(command).execute(args);
        assertThat(code).isZero();
        return "";
    }

    private static Io io(StringWriter out) {
        return new Io(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
    }

    @Test
    void trainWritesRunsWeightsAndReportThenLandscapeReadsThem() throws IOException {
        StringWriter out = new StringWriter();
        Path o = dir.resolve("out");
        run(new WeightsTrainCommand(io(out)), "--graph", graph.toString(), "--optimizer", "adam", "--epochs", "3",
                "--seeds", "1,2", "--data", dir.resolve("data").toString(), "--train-count", "200", "--threads", "2",
                "-o", o.toString());
        assertThat(out.toString()).contains("seed 2 epoch 3").contains("mean test accuracy over 2 seed(s)");
        assertThat(Files.readString(o.resolve("runs.csv")).lines()).hasSize(1 + 2 * 3);
        assertThat(o.resolve("adam-seed1.json")).exists();
        assertThat(Files.readString(o.resolve("report.html"))).contains("<svg").contains("validation accuracy");

        StringWriter lout = new StringWriter();
        Path l = dir.resolve("land");
        run(new LandscapeCommand(io(lout)), "--graph", graph.toString(), "--weights",
                o.resolve("adam-seed1.json") + "," + o.resolve("adam-seed2.json"), "--sigma", "0.1,0.5",
                "--alpha-step", "0.5", "--data", dir.resolve("data").toString(), "--train-count", "200", "-o", l.toString());
        var grids = LandscapeCsv.read(l.resolve("landscape.csv"));
        assertThat(grids).hasSize(4);
        assertThat(grids.get(0).label()).isEqualTo("adam-seed1");
        assertThat(grids.get(0).alphas()).hasSize(5);
        assertThat(Files.readString(l.resolve("landscape.html"))).contains("Loss landscapes").contains("adam-seed2");
        assertThat(lout.toString()).contains("5×5 grid × 2 σ × 2 solutions on 200 training images");
    }

    @Test
    void badInputsAreUserErrors() {
        StringWriter out = new StringWriter();
        WeightsTrainCommand missing = new WeightsTrainCommand(io(out));
        new CommandLine(missing).parseArgs("--graph", dir.resolve("nope.out").toString(), "--data", dir.resolve("data").toString());
        assertThatThrownBy(missing::call).isInstanceOf(UserException.class).hasMessageContaining("nope.out not found");

        WeightsTrainCommand badOpt = new WeightsTrainCommand(io(out));
        new CommandLine(badOpt).parseArgs("--graph", graph.toString(), "--optimizer", "lbfgs");
        assertThatThrownBy(badOpt::call).isInstanceOf(UserException.class).hasMessageContaining("unknown 'lbfgs'");

        WeightsTrainCommand tooMany = new WeightsTrainCommand(io(out));
        new CommandLine(tooMany).parseArgs("--graph", graph.toString(), "--data", dir.resolve("data").toString());
        assertThatThrownBy(tooMany::call).isInstanceOf(UserException.class).hasMessageContaining("--train-count");

        LandscapeCommand badSigma = new LandscapeCommand(io(out));
        new CommandLine(badSigma).parseArgs("--graph", graph.toString(), "--weights", "x.json", "--sigma", "0.1,-2");
        assertThatThrownBy(badSigma::call).isInstanceOf(UserException.class).hasMessageContaining("'-2' is not a positive number");
    }

    @Test
    void genomeWithoutConnectionsIsAUserError() {
        Path empty = dir.resolve("empty.out");
        dev.connectome.nas.graph.WannOutFormat.write(
                dev.connectome.nas.graph.NeuronGraph.initial(256, 10, 0.0, new java.util.SplittableRandom(1)), empty);
        WeightsTrainCommand cmd = new WeightsTrainCommand(io(new StringWriter()));
        new CommandLine(cmd).parseArgs("--graph", empty.toString(), "--data", dir.resolve("data").toString());
        assertThatThrownBy(cmd::call).isInstanceOf(UserException.class).hasMessageContaining("no enabled connections");
    }
}
