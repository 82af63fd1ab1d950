package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Arithmetic;
import dev.connectome.engine.ops.MatrixOps;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code y = x·W + b} on a batch x of shape [batch, in]. The weight is
 * stored [in, out] (the transpose of PyTorch's layout) so that the forward pass is a plain matmul;
 * parameters are named "weight" and "bias".
 */
public final class Linear implements Module {
    private final int in;
    private final int out;
    private final Tensor weight;
    private final Tensor bias; // null without bias
    private final Map<String, Tensor> params;

    /**
     * A layer initialised by {@code init} (weights with fan_in = in, fan_out = out; the bias, when
     * present, by {@code init.bias()}).
     */
    public Linear(int in, int out, boolean bias, Init init, RandomGenerator rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Linear needs positive sizes, got in=" + in + ", out=" + out);
        }
        this.in = in;
        this.out = out;
        float[] w = new float[in * out];
        init.fill(w, in, out, rng);
        this.weight = Tensor.parameter(w, in, out);
        if (bias) {
            float[] b = new float[out];
            init.bias().fill(b, in, out, rng);
            this.bias = Tensor.parameter(b, out);
        } else {
            this.bias = null;
        }
        this.params = names(weight, this.bias);
    }

    /** A layer around existing parameters (e.g. loaded from a file): weight [in, out], bias [out] or null. */
    public Linear(Tensor weight, Tensor bias) {
        if (weight.rank() != 2) {
            throw new IllegalArgumentException("Linear weight must be [in, out], got " + weight);
        }
        this.in = weight.dim(0);
        this.out = weight.dim(1);
        if (bias != null && !bias.hasShape(out)) {
            throw new IllegalArgumentException("Linear bias must be [" + out + "] for weight " + weight + ", got " + bias);
        }
        this.weight = weight;
        this.bias = bias;
        this.params = names(weight, bias);
    }

    private static Map<String, Tensor> names(Tensor weight, Tensor bias) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("weight", weight);
        if (bias != null) {
            m.put("bias", bias);
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.rank() != 2 || x.dim(1) != in) {
            throw new IllegalArgumentException("Linear(" + in + " → " + out + ") expects input [batch, " + in
                    + "], got " + x);
        }
        Tensor y = MatrixOps.matmul(tape, x, weight);
        return bias == null ? y : Arithmetic.add(tape, y, bias);
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

    public int inFeatures() {
        return in;
    }

    public int outFeatures() {
        return out;
    }

    @Override
    public String toString() {
        return "Linear(" + in + " → " + out + (bias == null ? ", no bias" : "") + ")";
    }
}
