package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network part: a forward function of one tensor, its trainable parameters, and a train/eval mode.
 * Parameters are named with dotted paths ("0.weight", "2.bias") in a stable order, which is the
 * order a saved model stores them in.
 */
public interface Module {
    /** Runs the module on {@code x}; the result lives on {@code tape}. */
    Tensor forward(Tape tape, Tensor x);

    /** Trainable parameters by name, in a stable order; empty for parameter-free modules. */
    Map<String, Tensor> namedParameters();

    /** Switches training-time behaviour (dropout, batch statistics); returns this. */
    default Module train(boolean training) {
        return this;
    }

    default List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Total number of trainable values. */
    default long parameterCount() {
        long n = 0;
        for (Tensor t : namedParameters().values()) {
            n += t.size();
        }
        return n;
    }

    /** Helper for containers: prefixes each child's parameter names with {@code prefix + "."}. */
    static void collect(String prefix, Module child, Map<String, Tensor> into) {
        for (Map.Entry<String, Tensor> e : child.namedParameters().entrySet()) {
            into.put(prefix + "." + e.getKey(), e.getValue());
        }
    }

    static Map<String, Tensor> none() {
        return new LinkedHashMap<>();
    }
}
