package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.Map;

/** Returns its input unchanged (NAS-Bench-201's "skip_connect"). */
public record Identity() implements Module {
    @Override
    public Tensor forward(Tape tape, Tensor x) {
        return x;
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }
}
