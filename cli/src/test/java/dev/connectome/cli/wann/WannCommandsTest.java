package dev.connectome.cli.wann;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.WannOutFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wann commands in-process, on the swing.out fixture and tiny searches in temporary stores. */
class WannCommandsTest {

    private static final Path SWING = Path.of("../nas/src/test/resources/wann/swing.out");
    private static final Path TUNED = Path.of("../nas/src/test/resources/wann/cartpole_swingup.wann.json");

    @TempDir
    Path tmp;

    @Test
    void evalAtOneSharedWeight() {
        WannCli r = WannCli.run("eval", SWING.toString(), "--weight", "-1", "--episodes", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("29 nodes", "52 enabled connections", "w=-1.0", "mean reward", "over 3 episodes");
    }

    @Test
    void evalWithTunedWeightsScoresHigh() {
        WannCli r = WannCli.run("eval", SWING.toString(), "--weights", TUNED.toString(), "--episodes", "2", "--seed", "3");
        assertThat(r.code()).as(r.err()).isZero();
        Matcher m = Pattern.compile("mean reward +(\\S+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isGreaterThan(700);
    }

    @Test
    void evalDefaultsToTheSixStandardWeights() {
        WannCli r = WannCli.run("eval", SWING.toString(), "--episodes", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("w=-2.0", "w=-0.5", "w=0.5", "w=2.0", "mean of weights");
    }

    @Test
    void raggedOutFileIsOneLineExitTwo() throws Exception {
        Path bad = tmp.resolve("ragged.out");
        List<String> lines = Files.readAllLines(SWING);
        lines.set(3, lines.get(3).substring(0, lines.get(3).lastIndexOf(',')));
        Files.write(bad, lines);
        WannCli r = WannCli.run("eval", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.errLine()).startsWith("connectome: ").contains("ragged.out").contains(":4");
    }

    @Test
    void cyclicOutFileIsRejected() throws Exception {
        Path bad = tmp.resolve("cycle.out");
        List<String> lines = Files.readAllLines(SWING);
        String[] row = lines.get(10).split(",");
        row[2] = "1.00e+00"; // node 10 -> node 2: below the diagonal, a backward edge
        lines.set(10, String.join(",", row));
        Files.write(bad, lines);
        WannCli r = WannCli.run("eval", bad.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.errLine()).contains("cycle.out");
    }

    @Test
    void wrongNodeCountsForTheTaskAreRejected() {
        WannCli r = WannCli.run("eval", SWING.toString(), "--task", "mnist256-sample");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.errLine()).contains("swing.out", "256 inputs");
    }

    @Test
    void missingFileAndUnknownTaskAreOneLine() {
        WannCli missing = WannCli.run("eval", tmp.resolve("nope.out").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.errLine()).isEqualTo("connectome: no such file: " + tmp.resolve("nope.out"));
        WannCli task = WannCli.run("eval", SWING.toString(), "--task", "biped");
        assertThat(task.code()).isEqualTo(2);
        assertThat(task.errLine()).contains("unknown WANN task 'biped'", "swingup");
        WannCli json = WannCli.run("eval", SWING.toString(), "--weights", tmp.resolve("w.json").toString());
        assertThat(json.code()).isEqualTo(2);
        assertThat(json.errLines()).isEqualTo(1);
    }

    @Test
    void showWritesAnSvg() throws Exception {
        Path svg = tmp.resolve("net.svg");
        WannCli r = WannCli.run("show", SWING.toString(), "-o", svg.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(svg);
        assertThat(text).contains("<svg", "52 connections", ">force<");
    }

    @Test
    void searchContinuesAndExportsTheChampion() throws Exception {
        String db = tmp.resolve("s.db").toString();
        Path champ = tmp.resolve("champ.out");
        Path report = tmp.resolve("r.html");
        WannCli first = WannCli.run("search", "--population", "8", "--generations", "2", "--repeats", "1", "--workers", "2",
                "--storage", db, "-o", champ.toString(), "--report", report.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("generation    0", "generation    1", "16 trials complete");
        assertThat(WannOutFormat.read(champ, 5, 1).inputCount()).isEqualTo(5);
        assertThat(Files.readString(report)).contains("Champion network", "Fitness and size over generations");

        WannCli more = WannCli.run("search", "--population", "8", "--generations", "3", "--repeats", "1", "--workers", "2",
                "--storage", db);
        assertThat(more.code()).as(more.err()).isZero();
        assertThat(more.out()).contains("continuing it", "24 trials complete", "8 evaluated by this run");

        Path exported = tmp.resolve("exported.out");
        WannCli export = WannCli.run("export", "wann-swingup-laptop-p8-seed1", "--storage", db, "-o", exported.toString());
        assertThat(export.code()).as(export.err()).isZero();
        NeuronGraph g = WannOutFormat.read(exported, 5, 1);
        assertThat(export.out()).contains(g.enabledConnectionCount() + " connections");

        WannCli other = WannCli.run("search", "--population", "10", "--generations", "1", "--storage", db, "--study",
                "wann-swingup-laptop-p8-seed1");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.errLine()).contains("already exists");
    }
}
