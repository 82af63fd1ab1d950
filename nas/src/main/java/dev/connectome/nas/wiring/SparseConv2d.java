package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Conv2d;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Convolution;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A 2-D convolution that uses only a fraction of its kernel weights per forward pass, chosen by a
 * {@link WiringVariant} over the whole weight tensor: the seed's {@code SparseConv} (ChooseEdges,
 * then conv2d). Weights start with PyTorch's default Conv2d init; the bias, if any, stays dense.
 */
public final class SparseConv2d implements Module {
    private final Conv2d dense;
    private final EdgeSelection selection;

    /**
     * @param keep fraction of the weights used per forward pass, in (0, 1]
     */
    public SparseConv2d(int in, int out, int kernel, int stride, int padding, int groups, boolean bias, double keep,
                        WiringVariant variant, RandomGenerator rng) {
        this.dense = new Conv2d(in, out, kernel, stride, padding, groups, bias, rng);
        int size = dense.weight().size();
        this.selection = variant.start(new int[] {size}, WiringVariants.edgesFor(size, keep), rng);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.rank() != 4 || x.dim(1) != dense.inChannels()) {
            throw new IllegalArgumentException(this + " expects input [N, " + dense.inChannels() + ", H, W], got " + x);
        }
        Tensor w = selection.apply(tape, dense.weight())[0];
        return Convolution.conv2d(tape, x, w, dense.bias(), dense.stride(), dense.padding(), dense.groups());
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return dense.namedParameters();
    }

    public Tensor weight() {
        return dense.weight();
    }

    public EdgeSelection selection() {
        return selection;
    }

    /** Weights used per forward pass. */
    public int activeWeights() {
        return selection.edges();
    }

    @Override
    public String toString() {
        return "SparseConv2d(" + dense.inChannels() + " → " + dense.outChannels() + ", k" + dense.kernel() + ", "
                + selection.edges() + " of " + dense.weight().size() + " weights)";
    }
}
