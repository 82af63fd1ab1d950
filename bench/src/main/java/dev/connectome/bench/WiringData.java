package dev.connectome.bench;

import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loading and standardising MNIST-like data for the wiring benchmarks. */
final class WiringData {
    private WiringData() {
    }

    static Path dataDir(String arg) {
        Path dir = Path.of(arg != null ? arg : System.getenv().getOrDefault("CONNECTOME_DATA", "../shared/data"));
        if (!Files.isDirectory(dir)) {
            System.err.println("data directory " + dir + " not found (set CONNECTOME_DATA)");
            System.exit(2);
        }
        return dir;
    }

    /**
     * Train (the first {@code trainLimit} images, all when 0) and test sets, standardised with the
     * training set's scalar mean and standard deviation.
     */
    static Dataset[] load(Path dir, String name, int trainLimit) {
        Dataset train = DataSets.load(dir, name, true);
        if (trainLimit > 0 && trainLimit < train.size()) {
            train = train.slice(0, trainLimit);
        }
        Dataset test = DataSets.load(dir, name, false);
        double sum = 0, sq = 0;
        for (float v : train.features()) {
            sum += v;
            sq += (double) v * v;
        }
        double mean = sum / train.features().length;
        double std = Math.sqrt(sq / train.features().length - mean * mean);
        return new Dataset[] {standardize(train, mean, std), standardize(test, mean, std)};
    }

    private static Dataset standardize(Dataset d, double mean, double std) {
        float[] x = d.features().clone();
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((x[i] - mean) / std);
        }
        return Dataset.of(d.name(), x, d.labels(), d.sampleShape(), d.classNames());
    }
}
