package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Convolution;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A 2-D convolution layer on [N, C, H, W] batches with a square kernel; weight [out, in/groups, k, k]
 * (PyTorch's layout) and an optional bias [out], named "weight" and "bias".
 */
public final class Conv2d implements Module {
    private final int in;
    private final int out;
    private final int kernel;
    private final int stride;
    private final int padding;
    private final int groups;
    private final Tensor weight;
    private final Tensor bias;
    private final Map<String, Tensor> params;

    /**
     * A layer with PyTorch's default initialisation: weight and bias uniform in ±1/√fan_in with
     * fan_in = (in/groups)·k·k (kaiming_uniform with a = √5).
     */
    public Conv2d(int in, int out, int kernel, int stride, int padding, int groups, boolean bias, RandomGenerator rng) {
        this(in, out, kernel, stride, padding, groups, bias, Init.torchLinearDefault(), rng);
    }

    /** A layer whose weight (and bias) are drawn by {@code init} with fan_in = (in/groups)·k·k, fan_out = (out/groups)·k·k. */
    public Conv2d(int in, int out, int kernel, int stride, int padding, int groups, boolean bias, Init init,
                  RandomGenerator rng) {
        if (in <= 0 || out <= 0 || kernel <= 0 || stride <= 0 || padding < 0 || groups <= 0) {
            throw new IllegalArgumentException("Conv2d needs positive in, out, kernel, stride, groups and padding >= 0, got in="
                    + in + " out=" + out + " kernel=" + kernel + " stride=" + stride + " padding=" + padding
                    + " groups=" + groups);
        }
        if (in % groups != 0 || out % groups != 0) {
            throw new IllegalArgumentException("Conv2d: groups=" + groups + " must divide in=" + in + " and out=" + out);
        }
        this.in = in;
        this.out = out;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.groups = groups;
        int fanIn = in / groups * kernel * kernel, fanOut = out / groups * kernel * kernel;
        float[] w = new float[out * fanIn];
        init.fill(w, fanIn, fanOut, rng);
        this.weight = Tensor.parameter(w, out, in / groups, kernel, kernel);
        if (bias) {
            float[] b = new float[out];
            init.bias().fill(b, fanIn, fanOut, rng);
            this.bias = Tensor.parameter(b, out);
        } else {
            this.bias = null;
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("weight", weight);
        if (this.bias != null) {
            m.put("bias", this.bias);
        }
        this.params = Collections.unmodifiableMap(m);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.rank() != 4 || x.dim(1) != in) {
            throw new IllegalArgumentException(this + " expects input [N, " + in + ", H, W], got " + x);
        }
        return Convolution.conv2d(tape, x, weight, bias, stride, padding, groups);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    public Tensor weight() {
        return weight;
    }

    /** The bias, or {@code null} for a layer without one. */
    public Tensor bias() {
        return bias;
    }

    public int inChannels() {
        return in;
    }

    public int outChannels() {
        return out;
    }

    public int kernel() {
        return kernel;
    }

    public int stride() {
        return stride;
    }

    public int padding() {
        return padding;
    }

    public int groups() {
        return groups;
    }

    @Override
    public String toString() {
        return "Conv2d(" + in + " → " + out + ", " + kernel + "×" + kernel + ", stride " + stride + ", padding " + padding
                + (groups == 1 ? "" : ", groups " + groups) + (bias == null ? ", no bias" : "") + ")";
    }
}
