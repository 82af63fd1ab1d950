package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Pooling;
import java.util.Map;

/** Max pooling (padding never wins); see {@link Pooling#maxPool2d}. */
public record MaxPool2d(int kernel, int stride, int padding) implements Module {
    public MaxPool2d {
        if (kernel <= 0 || stride <= 0 || padding < 0 || 2 * padding > kernel) {
            throw new IllegalArgumentException("MaxPool2d needs kernel, stride > 0 and 0 <= padding <= kernel/2, got "
                    + kernel + ", " + stride + ", " + padding);
        }
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        return Pooling.maxPool2d(tape, x, kernel, stride, padding);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }
}
