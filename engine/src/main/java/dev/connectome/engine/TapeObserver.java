package dev.connectome.engine;

/**
 * Sees selected op inputs as a forward pass runs, without changing model code: set one with
 * {@link Tape#observe(TapeObserver)}. Ops that report: {@code Activations.relu} as ("relu", x),
 * before it computes — so a zero-cost score such as NASWOT (Mellor et al. 2021) can read the
 * binary code of every ReLU's input.
 *
 * <p>The input lives on the tape: copy what you need before the tape is reset, and do not modify it.
 */
@FunctionalInterface
public interface TapeObserver {
    /**
     * @param op    the reporting op, e.g. "relu"
     * @param input that op's input tensor
     */
    void observe(String op, Tensor input);
}
