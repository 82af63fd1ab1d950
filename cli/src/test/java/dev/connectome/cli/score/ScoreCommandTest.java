package dev.connectome.cli.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

class ScoreCommandTest {
    private final StringWriter out = new StringWriter();

    /** Parses with picocli and calls the command directly, so its exceptions reach the test. */
    private int run(String... args) throws Exception {
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
        ScoreCommand command = new ScoreCommand(io);
        new CommandLine(command).parseArgs(args);
        return command.call();
    }

    @Test
    void tinyRunWritesCsvsAndReport(@TempDir Path dir) throws Exception {
        int code = run("--sample", "5", "--scores", "naswot,params", "--batch", "4", "--channels", "2",
                "--cells-per-stage", "1", "--threads", "1", "--out", dir.toString());
        assertThat(code).isZero();
        assertThat(out.toString()).contains("batch: 4 images of mnist").contains("naswot").contains("params")
                .contains("wrote ");
        List<String> scores = Files.readAllLines(dir.resolve("scores.csv"));
        assertThat(scores).hasSize(6);
        assertThat(scores.get(0)).isEqualTo("nb201_index,architecture,accuracy,naswot,params");
        List<String> corr = Files.readAllLines(dir.resolve("correlations.csv"));
        assertThat(corr).hasSize(3);
        assertThat(corr.get(1)).startsWith("naswot,");
        String html = Files.readString(dir.resolve("report.html"));
        assertThat(html).contains("Kendall τ").contains("<svg").contains("NASWOT kernels K_H")
                .contains("highest NASWOT score").contains("92.81±0.99");
    }

    @Test
    void badOptionsAreUserErrors() {
        assertThatThrownBy(() -> run("--space", "darts")).isInstanceOf(UserException.class).hasMessageContaining("nb201");
        assertThatThrownBy(() -> run("--scores", "zen")).isInstanceOf(UserException.class).hasMessageContaining("'zen'");
        assertThatThrownBy(() -> run("--sample", "0")).isInstanceOf(UserException.class).hasMessageContaining("--sample");
        assertThatThrownBy(() -> run("--dataset", "cifar-10")).isInstanceOf(UserException.class)
                .hasMessageContaining("--data");
    }
}
