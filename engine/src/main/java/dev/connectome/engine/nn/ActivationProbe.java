package dev.connectome.engine.nn;

import dev.connectome.engine.Tensor;

/**
 * Observes the output of each layer during a forward pass without changing the model, e.g. to
 * read the ReLU patterns that NASWOT scores (Mellor et al. 2021). The output lives on the tape:
 * copy what you need before the tape is reset, and do not modify it.
 */
@FunctionalInterface
public interface ActivationProbe {
    /**
     * Called after {@code module} ran.
     *
     * @param name   the module's dotted path in its container, e.g. "1" or "2.0"
     * @param module the module that produced {@code output}
     * @param output its output
     */
    void observe(String name, Module module, Tensor output);
}
