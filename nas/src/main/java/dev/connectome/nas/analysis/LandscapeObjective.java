package dev.connectome.nas.analysis;

/**
 * The loss a {@link Landscape} maps: a data set split into chunks so that the landscape can
 * evaluate many parameter vectors on one chunk while it is in cache. Must be thread-safe.
 */
public interface LandscapeObjective {

    /** Number of chunks. */
    int chunkCount();

    /**
     * Adds to {@code acc} the summed loss ({@code acc[0]}), the number of correct predictions
     * ({@code acc[1]}) and the number of samples ({@code acc[2]}) of chunk {@code chunk} at {@code params}.
     */
    void accumulate(int chunk, float[] params, double[] acc);
}
