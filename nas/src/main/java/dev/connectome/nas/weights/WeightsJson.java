package dev.connectome.nas.weights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes trained weights in WANNTool's zoo format {@code [params, score]} with params = weights −
 * weightBias, so {@link dev.connectome.nas.graph.TunedWeights#read} (and WANNTool) read them back.
 */
public final class WeightsJson {
    private WeightsJson() {
    }

    public static String format(float[] weights, float weightBias, double score) {
        StringBuilder sb = new StringBuilder(weights.length * 12).append("[[");
        for (int k = 0; k < weights.length; k++) {
            if (k > 0) {
                sb.append(", ");
            }
            sb.append(Float.toString(weights[k] - weightBias));
        }
        sb.append("], ").append(Double.isFinite(score) ? Double.toString(score) : "0").append("]\n");
        return sb.toString();
    }

    /** Atomic write: temp file in the target directory, then move. */
    public static void write(float[] weights, float weightBias, double score, Path file) {
        Path abs = file.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            // Not Files.createTempFile: it makes the file owner-only (0600) and the move would keep that.
            Path tmp = abs.getParent().resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(System.nanoTime()) + ".tmp");
            try {
                Files.writeString(tmp, format(weights, weightBias, score), StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
