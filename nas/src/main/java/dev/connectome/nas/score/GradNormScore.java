package dev.connectome.nas.score;

import dev.connectome.engine.Tensor;

/**
 * Gradient norm (Abdelfattah et al. 2021): Σ over conv and linear layers of ‖∂L/∂W‖₂ (each layer's
 * Euclidean norm, then summed), L the cross-entropy of the batch.
 */
public final class GradNormScore implements ZeroCostScore {
    @Override
    public String id() {
        return "grad_norm";
    }

    @Override
    public String description() {
        return "Σ over layers of ‖∂L/∂W‖₂ for the batch's cross-entropy (Abdelfattah et al. 2021)";
    }

    @Override
    public double score(ScoreInput in) {
        double total = 0;
        for (Tensor w : ScoreSupport.layerWeights(ScoreSupport.crossEntropyGradients(in))) {
            float[] g = w.grad();
            if (g == null) {
                continue;
            }
            double sq = 0;
            for (float v : g) {
                sq += (double) v * v;
            }
            total += Math.sqrt(sq);
        }
        return total;
    }
}
