package dev.connectome.nas.score;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Reductions;
import java.util.Arrays;

/**
 * Synaptic flow (Tanaka et al. 2020, as a zero-cost proxy in Abdelfattah et al. 2021): with every
 * parameter replaced by its absolute value, BatchNorm removed and an all-ones input of one sample,
 * R = Σ outputs; the score is Σ |θ ⊙ ∂R/∂θ| over conv and linear weights. Data-independent.
 * Computed in float (the reference uses double), summed in double; overflow gives NaN.
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
        float[] ones = new float[Tensor.sizeOf(shape)];
        Arrays.fill(ones, 1f);
        Tape tape = Tape.training(in.parallelism());
        Tensor out = net.forward(tape, tape.input(ones, 0, shape));
        tape.backward(Reductions.sum(tape, out));
        tape.reset();
        double s = ScoreSupport.sumAbsWeightTimesGrad(ScoreSupport.layerWeights(net));
        return Double.isFinite(s) ? s : Double.NaN;
    }
}
