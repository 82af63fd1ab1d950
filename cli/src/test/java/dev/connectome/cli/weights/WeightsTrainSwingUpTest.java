package dev.connectome.cli.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.weights.TrainingCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WeightsTrainSwingUpTest {
    @TempDir
    Path dir;

    private static Io io(StringWriter out) {
        return new Io(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), false);
    }

    @Test
    void pepgOnSwingUpWritesReturnsAndWannToolWeights() throws IOException {
        NeuronGraph g = NeuronGraph.initial(5, 1, 1.0, new SplittableRandom(3));
        Path graph = dir.resolve("swing.out");
        WannOutFormat.write(g, graph);
        Path out = dir.resolve("out");
        StringWriter text = new StringWriter();
        int code = new CommandLine(new WeightsTrainCommand(io(text))).execute("--graph", graph.toString(), "--task", "swingup",
                "--optimizer", "pepg", "--generations", "2", "--episodes", "1", "--test-episodes", "2", "--threads", "1",
                "-o", out.toString());
        assertThat(code).isZero();
        assertThat(text.toString()).contains("task swingup").contains("mean test return over 1 seed(s)");
        var rows = TrainingCsv.parse(Files.readString(out.resolve("runs.csv")), "runs.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).checkpoint().testLoss()).isEqualTo(-rows.get(1).checkpoint().testAccuracy());
        // Default start = WANNTool's: params 0, i.e. every weight at the swing-up bias −1.5; two small steps away.
        float[] w = TunedWeights.read(out.resolve("pepg-seed1.json"), GraphNet.compile(g), TunedWeights.SWINGUP_WEIGHT_BIAS);
        assertThat(w).hasSize(6);
        for (float v : w) {
            assertThat(v).isBetween(-1.6f, -1.4f);
        }
        assertThat(out.resolve("report.html")).isRegularFile().content()
                .contains("Return during training", "validation return").doesNotContain("validation accuracy");
    }

    @Test
    void backpropOnSwingUpIsAUserError() throws IOException {
        Path graph = dir.resolve("swing.out");
        WannOutFormat.write(NeuronGraph.initial(5, 1, 1.0, new SplittableRandom(3)), graph);
        WeightsTrainCommand adam = new WeightsTrainCommand(io(new StringWriter()));
        new CommandLine(adam).parseArgs("--graph", graph.toString(), "--task", "swingup", "--optimizer", "adam");
        assertThatThrownBy(adam::call).isInstanceOf(UserException.class).hasMessageContaining("adam needs gradients");
        WeightsTrainCommand task = new WeightsTrainCommand(io(new StringWriter()));
        new CommandLine(task).parseArgs("--graph", graph.toString(), "--task", "biped");
        assertThatThrownBy(task::call).isInstanceOf(UserException.class).hasMessageContaining("mnist256 or swingup");
    }
}
