package dev.connectome.cli.weights;

import dev.connectome.cli.UserException;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.cli.wann.WannFiles;
import dev.connectome.nas.wann.WannTasks;
import dev.connectome.nas.weights.Mnist256Splits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Argument checks shared by the weights and landscape commands. */
final class Inputs {
    private Inputs() {
    }

    /** An MNIST256 genome (.out or wann export --json) with at least one connection to train. */
    static NeuronGraph mnistGraph(Path file) {
        return graph(file, "mnist256");
    }

    /** A genome for WANN task {@code taskId} (.out or wann export --json) with at least one connection to train. */
    static NeuronGraph graph(Path file, String taskId) {
        if (!Files.isRegularFile(file)) {
            throw new UserException("graph file " + file + " not found");
        }
        NeuronGraph g = WannFiles.readGenome(file, WannTasks.get(taskId));
        if (g.enabledConnectionCount() == 0) {
            throw new UserException(file + ": the genome has no enabled connections, so it has no weights to train");
        }
        return g;
    }

    static Path dataDir(Path given) {
        Path dir = given != null ? given
                : Path.of(System.getenv().getOrDefault("CONNECTOME_DATA", "../shared/data"));
        if (!Files.isDirectory(dir)) {
            throw new UserException("data directory " + dir + " not found (use --data or set CONNECTOME_DATA)");
        }
        return dir;
    }

    static Mnist256Splits mnist256(Path dir, int trainCount) {
        try {
            return Mnist256Splits.load(dir, trainCount);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage() + " (use --train-count)");
        }
    }

    static List<Double> positiveList(String text, String option) {
        List<Double> out = new ArrayList<>();
        for (String s : text.split(",")) {
            try {
                double v = Double.parseDouble(s.trim());
                if (!(v > 0) || Double.isInfinite(v)) {
                    throw new NumberFormatException();
                }
                out.add(v);
            } catch (NumberFormatException e) {
                throw new UserException(option + ": '" + s.trim() + "' is not a positive number");
            }
        }
        return out;
    }

    static long[] seeds(String text) {
        String[] parts = text.split(",");
        long[] out = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Long.parseLong(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new UserException("--seeds: '" + parts[i].trim() + "' is not an integer");
            }
        }
        return out;
    }
}
