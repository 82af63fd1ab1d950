package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Pooling;
import java.util.Map;

/** Average pooling (padding not counted in the average); see {@link Pooling#avgPool2d}. */
public record AvgPool2d(int kernel, int stride, int padding) implements Module {
    public AvgPool2d {
        if (kernel <= 0 || stride <= 0 || padding < 0) {
            throw new IllegalArgumentException("AvgPool2d needs kernel, stride > 0 and padding >= 0, got " + kernel
                    + ", " + stride + ", " + padding);
        }
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        return Pooling.avgPool2d(tape, x, kernel, stride, padding);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }
}
