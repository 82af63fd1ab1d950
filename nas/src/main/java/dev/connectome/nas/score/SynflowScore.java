package dev.connectome.nas.score;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Reductions;
import dev.connectome.engine.ops.Arithmetic;
import java.util.Arrays;
import java.util.List;

/**
 * Synaptic flow (Tanaka et al. 2020, as a zero-cost proxy in Abdelfattah et al. 2021): with every
 * parameter replaced by its absolute value, BatchNorm removed and an all-ones input of one sample,
 * R = Σ outputs; the score is Σ |θ ⊙ ∂R/∂θ| over conv and linear weights. Data-independent.
 * Computed in float (the reference uses double) with input/seed rescaling against overflow, summed in
 * double; NaN when no scale keeps it finite.
 */
public final class SynflowScore implements ZeroCostScore {
    @Override
    public String id() {
        return "synflow";
    }

    @Override
    public String description() {
        return "Σ|θ·∂R/∂θ|, R = sum of outputs for |θ| and an all-ones input, no BatchNorm (Tanaka et al. 2020)";
    }

    /**
     * Input and output scales tried in turn. With |θ|, no BatchNorm and a positive input every ReLU
     * passes its input, so the network is linear in the input: scaling the input by α and the
     * back-propagated seed by β scales every θ·∂R/∂θ by αβ (the classifier bias, not a scored weight,
     * only shifts R). Deep cells overflow float at α = β = 1; smaller scales keep them finite.
     */
    private static final float[] SCALES = {1f, 1e-12f, 1e-24f, 1e-36f};

    @Override
    public double score(ScoreInput in) {
        Module net = in.build(in.classes(), false);
        for (Tensor p : net.parameters()) {
            float[] v = p.data();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.abs(v[i]);
            }
        }
        int[] shape = in.batch().shape();
        shape[0] = 1;
        float[] input = new float[Tensor.sizeOf(shape)];
        List<Tensor> weights = ScoreSupport.layerWeights(net);
        for (float scale : SCALES) {
            Arrays.fill(input, scale);
            for (Tensor p : net.parameters()) {
                p.zeroGrad();
            }
            Tape tape = in.trainingTape();
            try {
                Tensor r = Reductions.sum(tape, net.forward(tape, tape.input(input, 0, shape)));
                if (!Float.isFinite(r.item())) {
                    continue;
                }
                tape.backward(Arithmetic.mulScalar(tape, r, scale));
            } finally {
                in.release(tape);
            }
            double s = ScoreSupport.sumAbsWeightTimesGrad(weights);
            // 0 at scale 1 is a true zero (no path from the input reaches the output), not an underflow
            if (Double.isFinite(s) && (s > 0 || scale == SCALES[0])) {
                return s / ((double) scale * scale);
            }
        }
        return Double.NaN;
    }
}
