package dev.connectome.cli.subspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SubspaceCommandTest {
    private final StringWriter out = new StringWriter();
    private Exception failure;

    private int run(String... args) {
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
        CommandLine cl = SubspaceCommand.commandLine(io);
        failure = null;
        cl.setExecutionExceptionHandler((ex, c, p) -> {
            failure = ex;
            return 2;
        });
        return cl.execute(args);
    }

    /** Runs a command that must fail with a user error and returns its message. */
    private String userError(String... args) {
        assertThat(run(args)).isEqualTo(2);
        assertThat(failure).isInstanceOf(UserException.class);
        return failure.getMessage();
    }

    @Test
    void sweepOnTheEmbeddedSampleWritesCsvAndReport(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("s.csv");
        Path html = dir.resolve("s.html");
        int code = run("sweep", "--model", "mlp:16", "--dims", "5,60", "--seeds", "1", "--epochs", "1", "--limit", "300",
                "--lr", "0.01", "--projection", "sparse", "-o", csv.toString(), "--report", html.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("784-16-10 relu").contains("[1/3] full network, seed 1")
                .contains("[3/3] d = 60, seed 1").contains("d_int90").contains("wrote " + csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.stream().filter(l -> l.startsWith("epoch,")).count()).isEqualTo(3);
        String report = Files.readString(html);
        assertThat(report).contains("Intrinsic dimension").contains("<svg").contains("[ω]=60")
                .contains("Loss and accuracy per d (seed 1)");
    }

    @Test
    void trainRunsOneSubspaceWithFastfood() {
        int code = run("train", "--model", "mlp:8", "--dim", "20", "--epochs", "1", "--limit", "200");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("projection fastfood (offset)").contains("epoch 1/1")
                .containsPattern("d = 20 of D = \\d+: test accuracy");
    }

    @Test
    void trainRunsLeNetInAFastfoodSubspace(@TempDir Path dir) {
        int code = run("train", "--model", "lenet", "--dim", "30", "--epochs", "1", "--limit", "16", "--batch", "16");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("lenet 28×28").contains("projection fastfood")
                .contains("d = 30 of D = 44426");
        assertThat(userError("train", "--model", "lenet", "--dim", "5", "--limit", "32", "-o", dir.resolve("m.bin").toString()))
                .contains("--model lenet");
    }

    @Test
    void badInputsAreUserErrorsNamingTheOption() {
        assertThat(userError("train", "--dim", "10", "--model", "cnn:3")).contains("--model");
        assertThat(userError("train", "--dim", "10", "--projection", "johnson")).contains("--projection").contains("fastfood");
        assertThat(userError("train", "--dim", "0")).contains("--dim");
        assertThat(userError("sweep", "--dims", "100,10", "--limit", "50", "--epochs", "1")).contains("ascending");
        assertThat(userError("train", "--dim", "3", "--mode", "sideways")).contains("--mode");
    }
}
