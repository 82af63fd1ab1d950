package dev.connectome.nas.weights;

import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.data.Mnist256;
import java.nio.file.Path;

/**
 * The seed's MNIST256 protocol: train on the first 50,000 training images, validate on the last
 * 10,000, test on the 10,000 test images (all in WANN's 16×16 deskewed preprocessing).
 */
public record Mnist256Splits(Dataset train, Dataset validation, Dataset test) {
    public static final int TRAIN = 50_000;

    /** Loads MNIST from {@code dataDir} (see {@link DataSets#load}) and applies {@link Mnist256}. */
    public static Mnist256Splits load(Path dataDir) {
        return load(dataDir, TRAIN);
    }

    /** As {@link #load(Path)} with the first {@code trainCount} training images for training. */
    public static Mnist256Splits load(Path dataDir, int trainCount) {
        Dataset all = DataSets.load(dataDir, "mnist", true);
        if (trainCount < 1 || trainCount >= all.size()) {
            throw new IllegalArgumentException("cannot train on " + trainCount + " of the " + all.size()
                    + " MNIST training images in " + dataDir + " and validate on the rest");
        }
        Dataset test = Mnist256.apply(DataSets.load(dataDir, "mnist", false));
        return of(Mnist256.apply(all), test, trainCount);
    }

    /** The first {@code trainCount} of {@code trainAll} for training, the rest for validation. */
    public static Mnist256Splits of(Dataset trainAll, Dataset test, int trainCount) {
        Dataset.Split s = trainAll.split(trainCount);
        return new Mnist256Splits(s.train(), s.validation(), test);
    }
}
