package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Arithmetic;
import dev.connectome.engine.ops.MatrixOps;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer {@code y = x·W + b} (W stored [in, out] like the engine's Linear) that uses
 * only a fraction of its weights per forward pass, chosen by a {@link WiringVariant}: the seed's
 * {@code ChooseEdges} applied to a linear layer. The bias stays dense (as in the blog's sparse
 * ResNet-50). All weights are trained parameters; with DNW the unused ones keep receiving gradient.
 */
public final class SparseLinear implements Module {
    private final int in;
    private final int out;
    private final Tensor weight;
    private final Tensor bias;
    private final EdgeSelection selection;
    private final Map<String, Tensor> params;

    /**
     * @param keep fraction of the in·out weights used per forward pass, in (0, 1]
     */
    public SparseLinear(int in, int out, double keep, WiringVariant variant, Init init, RandomGenerator rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("SparseLinear needs positive sizes, got in=" + in + ", out=" + out);
        }
        this.in = in;
        this.out = out;
        float[] w = new float[in * out];
        init.fill(w, in, out, rng);
        this.weight = Tensor.parameter(w, in, out);
        float[] b = new float[out];
        init.bias().fill(b, in, out, rng);
        this.bias = Tensor.parameter(b, out);
        this.selection = variant.start(new int[] {in * out}, WiringVariants.edgesFor((long) in * out, keep), rng);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("weight", weight);
        m.put("bias", bias);
        this.params = Collections.unmodifiableMap(m);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.rank() != 2 || x.dim(1) != in) {
            throw new IllegalArgumentException("SparseLinear(" + in + " → " + out + ") expects input [batch, " + in
                    + "], got " + x);
        }
        Tensor w = selection.apply(tape, weight)[0];
        return Arithmetic.add(tape, MatrixOps.matmul(tape, x, w), bias);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    public Tensor weight() {
        return weight;
    }

    public Tensor bias() {
        return bias;
    }

    /** The live edge choice (flags of the last forward pass). */
    public EdgeSelection selection() {
        return selection;
    }

    /** Weights used per forward pass. */
    public int activeWeights() {
        return selection.edges();
    }

    @Override
    public String toString() {
        return "SparseLinear(" + in + " → " + out + ", " + selection.edges() + " of " + (in * out) + " weights)";
    }
}
