package dev.connectome.nas.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds and loads the standard image data sets by name from a data directory, using their usual
 * file names: {@code mnist}, {@code fashion-mnist}, {@code kmnist} (IDX files
 * {@code train-images-idx3-ubyte[.gz]}, {@code t10k-...}), {@code emnist-SPLIT} for SPLIT in
 * balanced, byclass, bymerge, digits, letters, mnist (files {@code emnist-SPLIT-train-images-idx3-ubyte[.gz]};
 * images are transposed upright; letters 1..26 become classes 0..25 "A".."Z"), and {@code cifar-10}
 * (binary batches {@code data_batch_1.bin} .. {@code data_batch_5.bin}, {@code test_batch.bin}).
 * {@code mnist-sample} is the {@link EmbeddedSample} and ignores {@code dir}.
 *
 * <p>Files are looked for in {@code dir/NAME/} first, then in {@code dir/} itself (and for EMNIST
 * also {@code dir/emnist/} and {@code gzip/} below either, the layout of the official zip).
 */
public final class DataSets {
    /** Data set names {@link #load} knows, besides the emnist-* splits. */
    public static final List<String> NAMES = List.of("mnist-sample", "mnist", "fashion-mnist", "kmnist", "cifar-10",
            "emnist-balanced", "emnist-byclass", "emnist-bymerge", "emnist-digits", "emnist-letters", "emnist-mnist");

    private static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    // Kuzushiji-MNIST classes (Clanuwat et al. 2018), romanised: お き す つ な は ま や れ を.
    private static final List<String> KMNIST = List.of("o", "ki", "su", "tsu", "na", "ha", "ma", "ya", "re", "wo");

    private DataSets() {
    }

    /**
     * Loads the training or test part of data set {@code name} from {@code dir}.
     *
     * @throws DataException for an unknown name, or listing every path looked at when files are missing
     */
    public static Dataset load(Path dir, String name, boolean train) {
        String key = name.toLowerCase(Locale.ROOT);
        String part = train ? "train" : "test";
        switch (key) {
            case "mnist":
                return idx(dir, key, train, "", Dataset.numberedClasses(10), part);
            case "fashion-mnist":
                return idx(dir, key, train, "", FASHION, part);
            case "kmnist":
                return idx(dir, key, train, "", KMNIST, part);
            case "cifar-10":
                return cifar(dir, train, part);
            case "mnist-sample":
                // The embedded sample needs no directory; its "test" part is the 2,000 sample test digits.
                Dataset.Split s = EmbeddedSample.mnist();
                return train ? s.train() : s.validation();
            default:
                if (key.startsWith("emnist-")) {
                    return emnist(dir, key, train, part);
                }
                throw new DataException("unknown data set '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
    }

    private static Dataset idx(Path dir, String key, boolean train, String prefix, List<String> classes, String part) {
        String stem = prefix + (train ? "train" : (prefix.isEmpty() ? "t10k" : "test"));
        List<Path> places = places(dir, key);
        List<String> looked = new ArrayList<>();
        Path images = find(places, stem + "-images-idx3-ubyte", looked);
        Path labels = find(places, stem + "-labels-idx1-ubyte", looked);
        if (images == null || labels == null) {
            throw missing(key, part, dir, looked);
        }
        boolean emnist = key.startsWith("emnist-");
        byte[] img = DataFiles.read(images);
        byte[] lbl = DataFiles.read(labels);
        return IdxReader.parse(key + "-" + part, img, DataFiles.shortName(images), lbl, DataFiles.shortName(labels),
                classes, emnist);
    }

    private static Dataset emnist(Path dir, String key, boolean train, String part) {
        String split = key.substring("emnist-".length());
        List<String> digits = Dataset.numberedClasses(10);
        List<String> upper = letters('A', 26);
        List<String> classes;
        switch (split) {
            case "digits", "mnist" -> classes = digits;
            case "letters" -> classes = concat(List.of("N/A"), upper);
            case "byclass" -> classes = concat(concat(digits, upper), letters('a', 26));
            case "balanced", "bymerge" -> classes = concat(concat(digits, upper),
                    List.of("a", "b", "d", "e", "f", "g", "h", "n", "q", "r", "t"));
            default -> throw new DataException("unknown EMNIST split '" + split
                    + "' (known: balanced, byclass, bymerge, digits, letters, mnist)");
        }
        Dataset d = idx(dir, key, train, key + "-", classes, part);
        if (!split.equals("letters")) {
            return d;
        }
        // EMNIST letters are labelled 1..26 (0 unused); shift so that no output class is empty.
        int[] labels = d.labels().clone();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == 0) {
                throw new DataException(key + "-" + part + ": label 0 at index " + i + " (letters are 1..26)");
            }
            labels[i]--;
        }
        return Dataset.wrap(d.name(), d.features(), labels, d.sampleShape(), upper);
    }

    private static Dataset cifar(Path dir, boolean train, String part) {
        List<Path> places = places(dir, "cifar-10");
        places.add(1, dir.resolve("cifar-10-batches-bin"));
        List<String> looked = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        if (train) {
            for (int i = 1; i <= 5; i++) {
                files.add(find(places, "data_batch_" + i + ".bin", looked));
            }
        } else {
            files.add(find(places, "test_batch.bin", looked));
        }
        if (files.contains(null)) {
            throw missing("cifar-10", part, dir, looked);
        }
        return Cifar10Reader.read(files).withName("cifar-10-" + part);
    }

    private static List<Path> places(Path dir, String key) {
        Set<Path> p = new LinkedHashSet<>();
        p.add(dir.resolve(key));
        if (key.startsWith("emnist-")) {
            p.add(dir.resolve(key).resolve("gzip"));
            p.add(dir.resolve("emnist"));
            p.add(dir.resolve("emnist").resolve("gzip"));
            p.add(dir.resolve("gzip"));
        }
        p.add(dir);
        return new ArrayList<>(p);
    }

    private static Path find(List<Path> places, String file, List<String> looked) {
        for (Path place : places) {
            for (String candidate : List.of(file + ".gz", file)) {
                Path p = place.resolve(candidate);
                if (Files.isRegularFile(p)) {
                    return p;
                }
                looked.add(p.toString());
            }
        }
        return null;
    }

    private static DataException missing(String key, String part, Path dir, List<String> looked) {
        String hint = DataSource.byName(key).isPresent() ? " (try: connectome data get " + key + " --to " + dir + ")" : "";
        return new DataException(key + " (" + part + ") not found under " + dir + "; looked for "
                + String.join(", ", looked) + hint);
    }

    private static List<String> letters(char first, int n) {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(String.valueOf((char) (first + i)));
        }
        return l;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return List.copyOf(l);
    }
}
