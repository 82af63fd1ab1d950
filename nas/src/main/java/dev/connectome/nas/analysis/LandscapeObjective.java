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

    /**
     * As {@link #accumulate} for every point θ = (centre + a1[i]·d1) + a2[j]·d2 of a block of the
     * plane, into {@code acc[3·(i·a2.length + j) + 0|1|2]}. The default forms each θ (in that float
     * rounding order) and calls {@link #accumulate}; objectives that can exploit the plane's affine
     * structure override it, and must give the same sums for a point whichever block it is in.
     */
    default void accumulatePlane(int chunk, float[] centre, float[] d1, float[] d2, float[] a1, float[] a2,
                                 double[] acc) {
        int dim = centre.length;
        float[] w = new float[dim];
        float[] rowBase = new float[dim];
        double[] one = new double[3];
        for (int i = 0; i < a1.length; i++) {
            for (int k = 0; k < dim; k++) {
                rowBase[k] = centre[k] + a1[i] * d1[k];
            }
            for (int j = 0; j < a2.length; j++) {
                for (int k = 0; k < dim; k++) {
                    w[k] = rowBase[k] + a2[j] * d2[k];
                }
                one[0] = 0;
                one[1] = 0;
                one[2] = 0;
                accumulate(chunk, w, one);
                int p = 3 * (i * a2.length + j);
                acc[p] += one[0];
                acc[p + 1] += one[1];
                acc[p + 2] += one[2];
            }
        }
    }
}
