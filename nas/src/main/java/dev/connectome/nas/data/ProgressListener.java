package dev.connectome.nas.data;

/** Receives download progress from {@link DataFetcher}; called on the downloading thread. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = (file, done, total) -> { };

    /**
     * @param file  file name
     * @param done  bytes on disk so far (including a resumed part)
     * @param total expected size in bytes, or -1 if the server did not say
     */
    void progress(String file, long done, long total);

    /** A one-line event such as "train-images-idx3-ubyte.gz: verified" or a mirror failing over. */
    default void message(String line) {
    }
}
