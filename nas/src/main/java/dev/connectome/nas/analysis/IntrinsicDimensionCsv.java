package dev.connectome.nas.analysis;

import dev.connectome.nas.analysis.IntrinsicDimensionSweep.StepLoss;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepRun;
import dev.connectome.nas.task.TrainingListener.EpochSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * A sweep as CSV, one row per epoch ({@code kind=epoch}: test loss/accuracy after it) and per sampled
 * training loss ({@code kind=step}). d = 0 marks the baseline. Written to a temporary file first and
 * moved into place, so a reader never sees half a file.
 */
public final class IntrinsicDimensionCsv {
    public static final String HEADER =
            "kind,d,seed,parameters,epoch,step,train_loss,train_accuracy,test_loss,test_accuracy,seconds";

    private IntrinsicDimensionCsv() {
    }

    /** The CSV text of all runs. */
    public static String format(IntrinsicDimensionSweep.SweepResult result) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (SweepRun r : result.runs()) {
            for (EpochSummary e : r.epochs()) {
                sb.append(String.format(Locale.ROOT, "epoch,%d,%d,%d,%d,%d,%.6f,%.6f,%.6f,%.6f,%.3f%n", r.dimension(), r.seed(),
                        r.parameters(), e.epoch(), (long) e.epoch() * r.stepsPerEpoch(), e.trainLoss(), e.trainAccuracy(),
                        e.validationLoss(), e.validationAccuracy(), e.seconds()));
            }
            for (StepLoss s : r.losses()) {
                sb.append(String.format(Locale.ROOT, "step,%d,%d,%d,,%d,%.6f,,,,%n", r.dimension(), r.seed(), r.parameters(),
                        s.step(), s.loss()));
            }
        }
        return sb.toString();
    }

    /** Writes {@link #format} to {@code file} atomically (temp file in the same directory, then move). */
    public static void write(IntrinsicDimensionSweep.SweepResult result, Path file) {
        Path abs = file.toAbsolutePath();
        try {
            Path dir = abs.getParent();
            Files.createDirectories(dir);
            // not Files.createTempFile: it makes the file owner-only (0600), and the move would keep that
            Path tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(System.nanoTime()) + ".tmp");
            try {
                Files.writeString(tmp, format(result), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
