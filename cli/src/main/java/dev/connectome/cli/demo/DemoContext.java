package dev.connectome.cli.demo;

import dev.connectome.cli.Io;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.data.EmbeddedSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What demo steps share: where to write, the run's seed, threads and size knobs, the embedded
 * sample (loaded once), and the summary and file list the demo reports at the end.
 */
public final class DemoContext {
    private final Io io;
    private final Path outDir;
    private final long seed;
    private final int threads;
    private final int epochs;
    private final int limit;
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private final List<Path> outputs = new ArrayList<>();
    private Dataset.Split sample;

    /**
     * @param epochs training epochs for steps that train (a step may scale it)
     * @param limit  use at most this many training and test samples (0: all), for quick runs and tests
     */
    public DemoContext(Io io, Path outDir, long seed, int threads, int epochs, int limit) {
        this.io = io;
        this.outDir = outDir;
        this.seed = seed;
        this.threads = threads;
        this.epochs = epochs;
        this.limit = limit;
    }

    public Io io() {
        return io;
    }

    public Path outDir() {
        return outDir;
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }

    public int epochs() {
        return epochs;
    }

    /** The embedded MNIST sample (train and test), cut to the limit when one is set. */
    public Dataset.Split sample() {
        if (sample == null) {
            Dataset.Split s = EmbeddedSample.mnist();
            if (limit > 0) {
                s = new Dataset.Split(s.train().slice(0, Math.min(limit, s.train().size())),
                        s.validation().slice(0, Math.min(limit, s.validation().size())));
            }
            sample = s;
        }
        return sample;
    }

    /** Records a result under {@code key} in summary.json. */
    public void put(String key, Object value) {
        summary.put(key, value);
    }

    public Map<String, Object> summary() {
        return Collections.unmodifiableMap(summary);
    }

    /** Records a file a step wrote (shown at the end). */
    public void wrote(Path file) {
        outputs.add(file);
    }

    public List<Path> outputs() {
        return List.copyOf(outputs);
    }
}
