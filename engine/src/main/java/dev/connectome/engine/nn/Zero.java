package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.Map;

/**
 * The zero op (NAS-Bench-201's "none": the edge is absent): zeros shaped like the input
 * [N, C, H, W] subsampled by {@code stride}, i.e. [N, C, ⌈H/s⌉, ⌈W/s⌉] (PyTorch's
 * {@code x[:, :, ::s, ::s].mul(0)}). The result is a constant: no gradient flows to the input.
 */
public record Zero(int stride) implements Module {
    public Zero {
        if (stride <= 0) {
            throw new IllegalArgumentException("Zero needs a positive stride, got " + stride);
        }
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.rank() != 4) {
            if (stride != 1) {
                throw new IllegalArgumentException("Zero with stride " + stride + " expects [N, C, H, W], got " + x);
            }
            return tape.zeros(false, x.shape());
        }
        return tape.zeros(false, x.dim(0), x.dim(1), (x.dim(2) + stride - 1) / stride, (x.dim(3) + stride - 1) / stride);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }
}
