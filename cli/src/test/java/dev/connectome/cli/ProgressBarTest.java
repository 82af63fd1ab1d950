package dev.connectome.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.task.TrainingListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private static final TrainingListener.EpochSummary EPOCH =
            new TrainingListener.EpochSummary(1, 2, 0.5, 0.8, 0.4, 0.85, 1e-3, 1234, 1.5);

    @Test
    void plainOutputIsOneLinePerEpoch() {
        StringWriter sw = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), false);
        bar.onStep(new TrainingListener.StepProgress(1, 2, 10, 10, 0.5, 0.8, 1234));
        bar.onEpoch(EPOCH);
        assertThat(sw.toString()).doesNotContain("\r")
                .isEqualTo("epoch 1/2  loss 0.5000  acc 80.00%  val_loss 0.4000  val_acc 85.00%  lr 0.00100  1,234 samples/s  1.5s"
                        + System.lineSeparator());
    }

    @Test
    void terminalOutputRedrawsInPlace() {
        StringWriter sw = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(sw), true);
        bar.onStep(new TrainingListener.StepProgress(1, 2, 5, 10, 0.7, 0.6, 1000));
        bar.onStep(new TrainingListener.StepProgress(1, 2, 10, 10, 0.5, 0.8, 1234));
        bar.onEpoch(EPOCH);
        String out = sw.toString();
        assertThat(out).startsWith("\repoch 1/2 [").contains(" 50%", "100%", "samples/s").contains("\repoch 1/2  loss 0.5000")
                .endsWith(System.lineSeparator());
        assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(1); // carriage returns, one final newline
    }
}
