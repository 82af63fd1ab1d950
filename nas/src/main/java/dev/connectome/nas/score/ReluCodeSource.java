package dev.connectome.nas.score;

/**
 * A {@link ScoredNetwork} that can feed the NASWOT kernel itself, with a forward pass specialised
 * to what NASWOT reads (the sign of every ReLU input) instead of the generic tape forward. It must
 * add exactly the codes the tape forward of {@link ScoredNetwork#build} with one output would show
 * (same layers, same multiplicity); only the float rounding of the pre-activations may differ.
 */
public interface ReluCodeSource {
    /** Builds the candidate from {@code in} (one output, BatchNorm in training mode) and adds every ReLU input to {@code kernel}. */
    void addReluCodes(ScoreInput in, NaswotKernel kernel);
}
