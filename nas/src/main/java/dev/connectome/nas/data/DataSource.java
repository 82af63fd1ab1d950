package dev.connectome.nas.data;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A downloadable data set: its name (also the sub-directory it is stored in), mirror base URLs tried
 * in order, and its files with pinned SHA-256 sums.
 *
 * <p>Each file pins two sums: {@code sha256} of the file exactly as the public mirrors serve it, and
 * {@code contentSha256} of its decompressed content. A file is accepted when either matches, so a
 * copy that was recompressed (such as the one in the project's shared data directory) is still
 * recognised while a corrupt or substituted file is not.
 *
 * @param name    data set name, e.g. "mnist"
 * @param mirrors base URLs ending in '/', each serving every file by its name
 * @param files   the files, with pinned sums
 */
public record DataSource(String name, List<URI> mirrors, List<RemoteFile> files) {

    /**
     * One file of a data source.
     *
     * @param name          file name on the mirrors and on disk
     * @param sha256        hex SHA-256 of the file as served
     * @param contentSha256 hex SHA-256 of the decompressed content, or null if the file is not compressed
     */
    public record RemoteFile(String name, String sha256, String contentSha256) {
        /** Names and sums are required (contentSha256 may be null); sums are lower-case hex. */
        public RemoteFile {
            Objects.requireNonNull(name, "name");
            sha256 = sha256.toLowerCase(Locale.ROOT);
            contentSha256 = contentSha256 == null ? null : contentSha256.toLowerCase(Locale.ROOT);
        }
    }

    /** Copies the lists; at least one mirror and one file. */
    public DataSource {
        Objects.requireNonNull(name, "name");
        mirrors = List.copyOf(mirrors);
        files = List.copyOf(files);
        if (mirrors.isEmpty() || files.isEmpty()) {
            throw new IllegalArgumentException(name + ": a data source needs mirrors and files");
        }
    }

    // Gzip sums as served: the same values appear in torchvision, TensorFlow Datasets and others
    // (checked against two independent public sources). Content sums: sha256 of the gunzipped IDX files.
    /** MNIST (LeCun, Cortes, Burges): PyTorch's S3 mirror, then the Google CVDF mirror. */
    public static final DataSource MNIST = new DataSource("mnist",
            List.of(URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            List.of(new RemoteFile("train-images-idx3-ubyte.gz",
                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
                            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                    new RemoteFile("train-labels-idx1-ubyte.gz",
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
                            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
                    new RemoteFile("t10k-images-idx3-ubyte.gz",
                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
                            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz",
                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6",
                            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")));

    /** Fashion-MNIST (Xiao, Rasul, Vollgraf 2017): Zalando's S3 website. */
    public static final DataSource FASHION_MNIST = new DataSource("fashion-mnist",
            List.of(URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")),
            List.of(new RemoteFile("train-images-idx3-ubyte.gz",
                            "08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc",
                            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
                    new RemoteFile("train-labels-idx1-ubyte.gz",
                            "b0197879cbda89f3dc7b894f9fd52b858e68ea4182b6947c9d8c2b67e5f18dcc",
                            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
                    new RemoteFile("t10k-images-idx3-ubyte.gz",
                            "78dcbbfb5a27efaf1b6c1d616caca68560be8766c5bffcb2791df9273a534229",
                            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz",
                            "42bd18137a62d5998cdeae52bf3a0676ac6b706f5cf8439b47bb5b151ae3dccf",
                            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34")));

    /** Every data source {@link DataFetcher} knows. */
    public static List<DataSource> all() {
        return List.of(MNIST, FASHION_MNIST);
    }

    /** The known source called {@code name} (case-insensitive). */
    public static Optional<DataSource> byName(String name) {
        return all().stream().filter(s -> s.name.equalsIgnoreCase(name)).findFirst();
    }

    /** The same files served from other mirrors (tests point this at a loopback server). */
    public DataSource withMirrors(List<URI> newMirrors) {
        return new DataSource(name, newMirrors, files);
    }
}
