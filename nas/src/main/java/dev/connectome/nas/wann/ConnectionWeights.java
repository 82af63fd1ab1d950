package dev.connectome.nas.wann;

import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NodeMajorInput;
import java.util.Locale;

/**
 * What a compiled network's connections are set to: one shared value (weight-agnostic evaluation) or
 * one value per enabled connection in {@link GraphNet} order (tuned weights, PEPG, backprop).
 */
public sealed interface ConnectionWeights {

    /** Runs {@code net} on {@code x} [batch, inputs] into {@code out} [batch, outputs]. */
    default void forward(GraphNet net, float[] x, int batch, float[] out) {
        forward(net, NodeMajorInput.of(x, batch, net.inputCount()), out, new float[net.scratchSize(batch)]);
    }

    /** Runs {@code net} on a prepared batch into {@code out} [batch, outputs], using caller scratch. */
    void forward(GraphNet net, NodeMajorInput in, float[] out, float[] scratch);

    /** Runs a {@link RolloutNet} on one sample. */
    void forward(RolloutNet net, float[] x, int xOff, float[] out, int outOff, float[] scratch);

    /** A short label, e.g. "w=-1" or "tuned". */
    String label();

    /** Every enabled connection uses {@code value}. */
    record Shared(float value) implements ConnectionWeights {
        @Override
        public void forward(GraphNet net, NodeMajorInput in, float[] out, float[] scratch) {
            net.forwardShared(in, value, out, scratch);
        }

        @Override
        public void forward(RolloutNet net, float[] x, int xOff, float[] out, int outOff, float[] scratch) {
            net.forwardShared(x, xOff, value, out, outOff, scratch);
        }

        @Override
        public String label() {
            return "w=" + String.format(Locale.ROOT, "%s", value);
        }
    }

    /** Per-connection values in {@link GraphNet} order (length = weightCount). */
    record PerConnection(float[] values) implements ConnectionWeights {
        public PerConnection {
            values = values.clone();
        }

        @Override
        public float[] values() {
            return values.clone();
        }

        @Override
        public void forward(GraphNet net, NodeMajorInput in, float[] out, float[] scratch) {
            if (values.length != net.weightCount()) {
                throw new IllegalArgumentException("network has " + net.weightCount() + " enabled connections but "
                        + values.length + " weights were given");
            }
            net.forward(in, values, out, scratch);
        }

        @Override
        public void forward(RolloutNet net, float[] x, int xOff, float[] out, int outOff, float[] scratch) {
            net.forward(x, xOff, values, out, outOff, scratch);
        }

        @Override
        public String label() {
            return "per-connection";
        }
    }

    /** Shared weights for each value. */
    public static java.util.List<ConnectionWeights> shared(double[] values) {
        java.util.List<ConnectionWeights> list = new java.util.ArrayList<>(values.length);
        for (double v : values) {
            list.add(new Shared((float) v));
        }
        return list;
    }
}
