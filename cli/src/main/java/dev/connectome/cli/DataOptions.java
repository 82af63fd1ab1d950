package dev.connectome.cli;

import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.data.EmbeddedSample;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which data set a command uses: the embedded MNIST sample by default, or one from a data directory. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory holding the data set (default: the MNIST sample embedded in the jar).")
    Path data;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "mnist",
            description = "Data set in --data: mnist, fashion-mnist, kmnist, cifar-10, emnist-SPLIT (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Use only the first N training and N test samples (0: all; for quick trials).")
    int limit;

    /** Training pool and test set, with a short description of where they came from. */
    public record Loaded(String name, Dataset train, Dataset test, String origin) {
    }

    /** Loads the chosen data set; a missing directory or unknown name is a user error. */
    public Loaded load() {
        if (limit < 0) {
            throw new UserException("--limit must be >= 0, got " + limit);
        }
        Dataset train;
        Dataset test;
        String origin;
        if (data == null) {
            if (!dataset.equalsIgnoreCase("mnist")) {
                throw new UserException("--dataset " + dataset + " needs --data DIR (only an MNIST sample is embedded;"
                        + " 'connectome data get' downloads data sets)");
            }
            Dataset.Split sample = EmbeddedSample.mnist();
            train = sample.train();
            test = sample.validation();
            origin = "embedded MNIST sample";
        } else {
            if (!Files.isDirectory(data)) {
                throw new UserException("data directory not found: " + data);
            }
            train = DataSets.load(data, dataset, true);
            test = DataSets.load(data, dataset, false);
            origin = data.toString();
        }
        if (limit > 0) {
            train = train.slice(0, Math.min(limit, train.size()));
            test = test.slice(0, Math.min(limit, test.size()));
        }
        return new Loaded(train.name(), train, test, origin);
    }
}
