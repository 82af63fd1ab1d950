package dev.connectome.nas.data;

/**
 * A per-sample transform from one sample shape to another (e.g. {@link Mnist256}).
 * Implementations are stateless, so {@link Dataset#map} may call them from any thread.
 */
public interface SampleTransform {

    /** Short name, used to name the transformed data set. */
    String name();

    /**
     * The shape of a transformed sample.
     *
     * @throws DataException if this transform does not accept {@code inputShape}
     */
    int[] outputShape(int[] inputShape);

    /**
     * Transforms one sample.
     *
     * @param in     source features; the sample starts at {@code inOff} and has the input shape
     * @param out    destination; writes exactly {@code product(outputShape)} values from {@code outOff}
     */
    void apply(int[] inputShape, float[] in, int inOff, float[] out, int outOff);
}
