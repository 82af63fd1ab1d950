package dev.connectome.cli;

import dev.connectome.nas.task.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows training progress. On a terminal it redraws one line in place (carriage return) with a bar,
 * the running loss, accuracy and throughput, at most ten times a second; elsewhere (pipes, logs,
 * CI) it writes one plain line per epoch. Either way every epoch ends with a summary line.
 */
final class ProgressBar implements TrainingListener {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final boolean tty;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintWriter out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    @Override
    public void onStep(StepProgress p) {
        if (!tty) {
            return;
        }
        long now = System.nanoTime();
        if (p.step() != p.steps() && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        int filled = (int) ((long) WIDTH * p.step() / p.steps());
        String line = String.format(Locale.ROOT, "epoch %s [%s%s] %3d%%  loss %.4f  acc %.2f%%  %,.0f samples/s",
                epochLabel(p.epoch(), p.epochs()), "=".repeat(filled), " ".repeat(WIDTH - filled),
                100L * p.step() / p.steps(), p.meanLoss(), 100 * p.accuracy(), p.samplesPerSec());
        draw(line);
    }

    @Override
    public void onEpoch(EpochSummary s) {
        String line = String.format(Locale.ROOT, "epoch %s  loss %.4f  acc %.2f%%", epochLabel(s.epoch(), s.epochs()),
                s.trainLoss(), 100 * s.trainAccuracy());
        if (s.hasValidation()) {
            line += String.format(Locale.ROOT, "  val_loss %.4f  val_acc %.2f%%", s.validationLoss(),
                    100 * s.validationAccuracy());
        }
        line += String.format(Locale.ROOT, "  lr %.3g  %,.0f samples/s  %.1fs", s.learningRate(), s.samplesPerSec(),
                s.seconds());
        if (tty) {
            draw(line);
            out.println();
            lastLength = 0;
        } else {
            out.println(line);
        }
        out.flush();
    }

    private void draw(String line) {
        // Pad over the previous, possibly longer, line instead of relying on terminal escapes.
        String padded = line.length() < lastLength ? line + " ".repeat(lastLength - line.length()) : line;
        out.print("\r" + padded);
        out.flush();
        lastLength = line.length();
    }

    private static String epochLabel(int epoch, int epochs) {
        String total = Integer.toString(epochs);
        return String.format(Locale.ROOT, "%" + total.length() + "d/%s", epoch, total);
    }
}
