package dev.connectome.nas.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CIFAR-10 binary version ({@code data_batch_1.bin} ... {@code test_batch.bin}, raw or
 * gzip'd): records of 1 label byte (0..9) followed by 3072 pixel bytes, 1024 red, 1024 green then
 * 1024 blue, each plane row-major 32×32 (Krizhevsky's CIFAR page). Sample shape {3, 32, 32},
 * values {@code byte / 255}.
 */
public final class Cifar10Reader {
    /** CIFAR-10 class names by label. */
    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");
    static final int PIXELS = 3 * 32 * 32;
    static final int RECORD = 1 + PIXELS;

    private Cifar10Reader() {
    }

    /**
     * Reads and concatenates batches in the given order.
     *
     * @throws DataException naming the file if one is empty, not a whole number of records, or has a label above 9
     */
    public static Dataset read(List<Path> batches) {
        if (batches.isEmpty()) {
            throw new DataException("cifar-10: no batch files given");
        }
        List<byte[]> parts = new ArrayList<>();
        long total = 0;
        for (Path p : batches) {
            byte[] b = DataFiles.read(p);
            String file = DataFiles.shortName(p);
            if (b.length % RECORD != 0) {
                throw new DataException(file + ": truncated: " + b.length + " bytes is not a whole number of "
                        + RECORD + "-byte CIFAR-10 records (" + b.length / RECORD + " records and "
                        + b.length % RECORD + " bytes)");
            }
            for (int off = 0, i = 0; off < b.length; off += RECORD, i++) {
                int label = b[off] & 0xFF;
                if (label >= CLASSES.size()) {
                    throw new DataException(file + ": label " + label + " of record " + i
                            + " is out of range for 10 classes (is this CIFAR-100?)");
                }
            }
            parts.add(b);
            total += b.length / RECORD;
        }
        if (total * PIXELS > Integer.MAX_VALUE - 8) {
            throw new DataException("cifar-10: " + total + " images are too many for one data set");
        }
        int n = (int) total;
        float[] features = new float[n * PIXELS];
        int[] labels = new int[n];
        int i = 0;
        for (byte[] b : parts) {
            for (int off = 0; off < b.length; off += RECORD, i++) {
                labels[i] = b[off] & 0xFF;
                int dst = i * PIXELS;
                for (int k = 0; k < PIXELS; k++) {
                    features[dst + k] = (b[off + 1 + k] & 0xFF) / 255f;
                }
            }
        }
        String name = batches.size() == 1 ? IdxReader.baseName(DataFiles.shortName(batches.get(0))) : "cifar-10";
        return Dataset.wrap(name, features, labels, new int[] {3, 32, 32}, CLASSES);
    }
}
