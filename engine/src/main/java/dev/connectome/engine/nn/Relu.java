package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Activations;
import java.util.Map;

/**
 * {@code max(x, 0)} as a module: the same as {@link Activation#RELU}, as a class of its own for
 * code that builds conv networks PyTorch-style. Reports its input to the tape's observer.
 */
public record Relu() implements Module {
    @Override
    public Tensor forward(Tape tape, Tensor x) {
        return Activations.relu(tape, x);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of();
    }
}
