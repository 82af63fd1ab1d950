package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.ShapeOps;
import java.util.Map;

/** Keeps the batch axis and flattens the rest: [N, d1, d2, …] → [N, d1·d2·…] (no copy). */
public record Flatten() implements Module {
    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.rank() < 1) {
            throw new IllegalArgumentException("Flatten needs a batch axis, got " + x);
        }
        if (x.rank() == 2) {
            return x;
        }
        int n = x.dim(0);
        return ShapeOps.reshape(tape, x, n, n == 0 ? 0 : x.size() / n);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }
}
