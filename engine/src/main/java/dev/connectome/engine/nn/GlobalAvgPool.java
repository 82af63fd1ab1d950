package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Pooling;
import java.util.Map;

/** The mean of each channel plane: [N, C, H, W] → [N, C]. */
public record GlobalAvgPool() implements Module {
    @Override
    public Tensor forward(Tape tape, Tensor x) {
        return Pooling.globalAvgPool(tape, x);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }
}
