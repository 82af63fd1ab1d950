package dev.connectome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.connectome.cli.model.ModelFile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    @Test
    void helpListsTheCommands() {
        CliRun r = CliRun.of("--help");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("demo", "train", "eval", "data", "completion", "--version", "nas", "studies", "report");
        assertThat(r.err()).isEmpty();
        CliRun sub = CliRun.of("train", "--help");
        assertThat(sub.code()).isZero();
        assertThat(sub.out()).contains("--hidden", "--activation", "--optimizer", "--epochs", "--config");
        assertThat(CliRun.of("data", "get", "--help").out()).contains("--to");
        assertThat(CliRun.of("help", "eval").out()).contains("MODEL", "--dataset");
    }

    @Test
    void versionNamesTheProgram() {
        CliRun r = CliRun.of("--version");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("connectome ").contains("Java ");
    }

    @Test
    void badFlagIsOneLineAndExit2() {
        CliRun r = CliRun.of("train", "--no-such-flag");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.errLine()).startsWith("connectome: ").contains("--no-such-flag").contains("connectome train --help");
    }

    @Test
    void badValuesAreOneLineAndExit2() {
        for (String[] args : new String[][] {
            {"train", "--epochs", "many"},
            {"train", "--activation", "swish", "--limit", "50"},
            {"train", "--optimizer", "adagrad"},
            {"train", "--lr", "-1"},
            {"train", "--nesterov", "--optimizer", "sgd"},
            {"train", "--hidden", "10,0"},
            {"train", "--dataset", "fashion-mnist"},
            {"eval"},
            {"train", "-o", tmp.toString(), "--epochs", "1"},
            {"train", "--schedule", "cosine", "--warmup", "3", "--epochs", "3"},
            {"bogus"},
            {},
        }) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("Exception", "\tat ");
        }
        assertThat(CliRun.of("train", "--activation", "swish").errLine()).contains("relu");
    }

    @Test
    void missingDataDirectoryIsExit2() {
        CliRun r = CliRun.of("train", "--data", tmp.resolve("nowhere").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("connectome: data directory not found: " + tmp.resolve("nowhere"));
        CliRun empty = CliRun.of("train", "--data", tmp.toString(), "--epochs", "1");
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.errLines()).isEqualTo(1);
    }

    @Test
    void unreadableOrInvalidYamlIsExit2() throws IOException {
        CliRun missing = CliRun.of("train", "-c", tmp.resolve("none.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.errLine()).contains("config file not found").contains("none.yaml");

        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "epochs: [1, 2\nhidden: {\n");
        CliRun invalid = CliRun.of("train", "--config", bad.toString());
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.errLines()).isEqualTo(1);
        assertThat(invalid.errLine()).contains("bad.yaml").contains("not valid YAML");

        Path list = Files.writeString(tmp.resolve("list.yaml"), "- 1\n- 2\n");
        assertThat(CliRun.of("train", "-c", list.toString()).errLine()).contains("mapping");

        Path unknown = Files.writeString(tmp.resolve("unknown.yaml"), "epochs: 1\nhiden: [8]\n");
        CliRun u = CliRun.of("train", "-c", unknown.toString());
        assertThat(u.code()).isEqualTo(2);
        assertThat(u.errLine()).contains("unknown key 'hiden'").contains("hidden");

        Path wrongType = Files.writeString(tmp.resolve("type.yaml"), "epochs: lots\n");
        CliRun t = CliRun.of("train", "-c", wrongType.toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.errLines()).isEqualTo(1);

        Path dir = Files.createDirectories(tmp.resolve("dir.yaml"));
        assertThat(CliRun.of("train", "-c", dir.toString()).code()).isEqualTo(2);
    }

    @Test
    void yamlSetsDefaultsAndFlagsOverrideThem() throws IOException {
        Path data = SyntheticIdx.write(tmp.resolve("data"), 200, 50);
        Path yaml = Files.writeString(tmp.resolve("s.yaml"), String.join("\n",
                "hidden: [16, 8]", "activation: tanh", "epochs: 3", "batch: 32", "threads: 1",
                "data: " + data, "optimizer: sgd", "lr: 0.05", "momentum: 0.9", "nesterov: true", ""));
        Path model = tmp.resolve("m.cnm");
        CliRun r = CliRun.of("train", "-c", yaml.toString(), "--epochs", "1", "-o", model.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String settings = r.out().lines().findFirst().orElseThrow();
        assertThat(settings).startsWith("settings: ").contains("hidden=16,8", "activation=tanh", "epochs=1", "batch=32",
                "optimizer=sgd", "nesterov=true", "lr=0.05");
        assertThat(r.out()).contains("784-16-8-10 tanh").contains("epoch 1/1");
    }

    @Test
    void trainWritesAModelThatEvalReloads() throws IOException {
        Path data = SyntheticIdx.write(tmp.resolve("data"), 400, 100);
        Path model = tmp.resolve("out/model.cnm");
        CliRun train = CliRun.of("train", "--data", data.toString(), "--dataset", "mnist", "--hidden", "32",
                "--epochs", "2", "--batch", "32", "--threads", "1", "--lr", "3e-3", "-o", model.toString());
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(train.err()).isEmpty();
        assertThat(train.out()).contains("epoch 1/2", "epoch 2/2", "samples/s", "val_acc", "model saved to " + model);
        assertThat(Files.list(model.getParent())).containsExactly(model); // no temp file left behind
        double trained = testAccuracy(train.out());
        assertThat(trained).isGreaterThan(80);

        CliRun eval = CliRun.of("eval", model.toString(), "--data", data.toString());
        assertThat(eval.code()).as(eval.err()).isZero();
        assertThat(eval.out()).contains("784-32-10 relu").contains("trained on mnist");
        assertThat(testAccuracy(eval.out())).isEqualTo(trained);

        CliRun onSample = CliRun.of("eval", model.toString(), "--limit", "100");
        assertThat(onSample.code()).isZero(); // same input shape, so the embedded sample works too

        ModelFile.Saved saved = ModelFile.read(model);
        assertThat(saved.header().training()).containsEntry("epochs", 2).containsEntry("dataset", "mnist");
        assertThat(saved.header().provenance().datasetSha256()).hasSize(64);
    }

    private static double testAccuracy(String out) {
        Matcher m = Pattern.compile("test accuracy ([0-9.]+)%").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void evalRejectsACorruptModelInOneLine() throws IOException {
        Path junk = Files.writeString(tmp.resolve("junk.cnm"), "not a model");
        CliRun r = CliRun.of("eval", junk.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLine()).isEqualTo("connectome: " + junk + ": not a connectome model file (wrong magic bytes)");
        CliRun none = CliRun.of("eval", tmp.resolve("absent.cnm").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.errLine()).contains("no such file").contains("absent.cnm");
    }

    @Test
    void demoRunsItsStepsAndSaysWhereTheOutputsAre() {
        Path out = tmp.resolve("demo");
        CliRun r = CliRun.of("demo", "--out", out.toString(), "--epochs", "1", "--limit", "600", "--threads", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("[1/", "MLP").contains("test accuracy");
        String last = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).contains("outputs are in " + out.toAbsolutePath()).contains("mlp.cnm", "summary.json")
                .contains("studies.db", "nb201-report.html");
        assertThat(r.out()).contains("NAS-Bench-201").contains("best of 100 queries");
        assertThat(out.resolve("nb201-report.html")).content().contains("demo-nb201-evolution").contains("<svg");
        assertThat(out.resolve("mlp.cnm")).isRegularFile();
        assertThat(out.resolve("summary.json")).content().contains("\"testAccuracy\"").contains("\"bestTestAccuracy\"");
        assertThat(out.resolve("summary.txt")).isRegularFile();
    }

    @Test
    void completionScriptCoversTheCommands() {
        CliRun r = CliRun.of("completion");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("complete -F").contains("train").contains("--hidden");
    }

    @Test
    void dataLsShowsTheEmbeddedSampleAndMissingSets() {
        CliRun r = CliRun.of("data", "ls", "--dir", tmp.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("mnist-sample", "embedded").contains("mnist").contains("missing")
                .contains("connectome data get fashion-mnist");
    }

    @Test
    void dataGetFailureIsOneLine() throws IOException {
        assertThat(CliRun.of("data", "get", "cifar-100").code()).isEqualTo(2);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/";
            CliRun r = CliRun.of("data", "get", "mnist", "--to", tmp.toString(), "--mirror", mirror);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).isEqualTo(1);
            assertThat(r.errLine()).contains("404");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void unexpectedErrorsAreExit1WithAHint() {
        ErrorReporter reporter = new ErrorReporter(new java.io.PrintWriter(new java.io.StringWriter()), false);
        assertThat(reporter.report(new IllegalStateException("bug"), null)).isEqualTo(1);
        java.io.StringWriter sw = new java.io.StringWriter();
        new ErrorReporter(new java.io.PrintWriter(sw), false).report(new IllegalStateException("bug"), null);
        assertThat(sw.toString().strip()).isEqualTo(
                "connectome: internal error: IllegalStateException: bug (rerun with --verbose for the stack trace)");
    }

    @Test
    void runningOutOfMemoryInAWorkerIsOneLineWithWhatToChange() {
        java.io.StringWriter sw = new java.io.StringWriter();
        Exception wrapped = new java.util.concurrent.ExecutionException(new OutOfMemoryError("Java heap space"));
        assertThat(new ErrorReporter(new java.io.PrintWriter(sw), false).report(wrapped, null)).isEqualTo(2);
        assertThat(sw.toString().strip()).startsWith("connectome: out of memory (Java heap of ")
                .contains("CONNECTOME_JAVA_OPTS=-Xmx8g").doesNotContain("\n");
    }
}
