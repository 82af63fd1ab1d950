package dev.connectome.nas.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * A class-balanced MNIST sample shipped inside the jar: 10,000 training digits (1,000 per class)
 * and 2,000 test digits (200 per class), made by {@code nas/scripts/make_mnist_sample.py}; the
 * README next to the resources records the source files' SHA-256 and the selection rule. It is the
 * default data set wherever one is needed and no data directory is given.
 */
public final class EmbeddedSample {
    private static final String DIR = "/dev/connectome/nas/data/mnist-sample/";

    private EmbeddedSample() {
    }

    /** The sample as {@code Split(train = 10,000, validation = 2,000 test digits)}, shape {1,28,28}, values in [0,1]. */
    public static Dataset.Split mnist() {
        Dataset train = load("mnist-sample-train", "train");
        Dataset test = load("mnist-sample-test", "t10k");
        return new Dataset.Split(train, test);
    }

    private static Dataset load(String name, String prefix) {
        String images = prefix + "-images-idx3-ubyte.gz";
        String labels = prefix + "-labels-idx1-ubyte.gz";
        return IdxReader.parse(name, resource(images), images, resource(labels), labels,
                Dataset.numberedClasses(10), false);
    }

    private static byte[] resource(String file) {
        try (InputStream in = EmbeddedSample.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new DataException(DIR + file + ": missing from the class path (is the jar complete?)");
            }
            return DataFiles.maybeGunzip(in.readAllBytes(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading embedded " + file, e);
        }
    }
}
