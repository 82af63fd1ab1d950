package dev.connectome.nas.weights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Training runs as CSV, one row per checkpoint (written atomically; parsed back for reports). */
public final class TrainingCsv {
    public static final String HEADER = "method,seed,step,train_loss,train_accuracy,validation_loss,"
            + "validation_accuracy,test_loss,test_accuracy,seconds";

    /** One parsed row. */
    public record Row(String method, long seed, Checkpoint checkpoint) {
    }

    private TrainingCsv() {
    }

    public static String format(List<TrainingRun> runs) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (TrainingRun r : runs) {
            for (Checkpoint c : r.checkpoints()) {
                sb.append(String.format(Locale.ROOT, "%s,%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.3f%n", r.method(), r.seed(),
                        c.step(), c.trainLoss(), c.trainAccuracy(), c.validationLoss(), c.validationAccuracy(),
                        c.testLoss(), c.testAccuracy(), c.seconds()));
            }
        }
        return sb.toString();
    }

    public static void write(List<TrainingRun> runs, Path file) {
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            // Not Files.createTempFile: it makes the file owner-only (0600) and the move would keep that.
            Path tmp = abs.getParent().resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(System.nanoTime()) + ".tmp");
            try {
                Files.writeString(tmp, format(runs), StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses {@link #format}'s output; errors name {@code name} and the line. */
    public static List<Row> parse(String text, String name) {
        String[] lines = text.split("\\R");
        if (lines.length == 0 || !lines[0].trim().equals(HEADER)) {
            throw new IllegalArgumentException(name + ":1: expected header '" + HEADER + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (int ln = 1; ln < lines.length; ln++) {
            String line = lines[ln].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 10) {
                throw new IllegalArgumentException(name + ":" + (ln + 1) + ": expected 10 fields, got " + f.length);
            }
            try {
                rows.add(new Row(f[0], Long.parseLong(f[1]), new Checkpoint(Integer.parseInt(f[2]), d(f[3]), d(f[4]),
                        d(f[5]), d(f[6]), d(f[7]), d(f[8]), d(f[9]))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ":" + (ln + 1) + ": not a number in '" + line + "'");
            }
        }
        return rows;
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
