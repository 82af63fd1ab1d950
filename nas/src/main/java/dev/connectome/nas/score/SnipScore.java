package dev.connectome.nas.score;

/**
 * SNIP connection sensitivity (Lee et al. 2019, as a zero-cost proxy in Abdelfattah et al. 2021):
 * Σ |θ ⊙ ∂L/∂θ| over conv and linear weights, L the cross-entropy of the batch, training-mode BatchNorm.
 */
public final class SnipScore implements ZeroCostScore {
    @Override
    public String id() {
        return "snip";
    }

    @Override
    public String description() {
        return "Σ|θ·∂L/∂θ| for the batch's cross-entropy (Lee et al. 2019)";
    }

    @Override
    public double score(ScoreInput in) {
        return ScoreSupport.sumAbsWeightTimesGrad(ScoreSupport.layerWeights(ScoreSupport.crossEntropyGradients(in)));
    }
}
