package dev.connectome.nas.score;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Losses;
import java.util.ArrayList;
import java.util.List;

/** Shared steps of the gradient-based scores. */
final class ScoreSupport {
    private ScoreSupport() {
    }

    /**
     * The weights of convolutions and linear layers: parameters of rank ≥ 2 (biases and BatchNorm's
     * γ, β are rank 1). The zero-cost proxies of Abdelfattah et al. (ICLR 2021) sum over these layers.
     */
    static List<Tensor> layerWeights(Module m) {
        List<Tensor> w = new ArrayList<>();
        for (Tensor t : m.parameters()) {
            if (t.rank() >= 2) {
                w.add(t);
            }
        }
        return w;
    }

    /** The batch as a constant tensor on {@code tape}. */
    static Tensor images(Tape tape, ScoreInput in) {
        return tape.input(in.batch().images(), 0, in.batch().shape());
    }

    /**
     * Builds the network with one output per class, runs the batch in training mode and
     * back-propagates the mean softmax cross-entropy; the parameters then hold their gradients.
     */
    static Module crossEntropyGradients(ScoreInput in) {
        Module net = in.build(in.classes(), true);
        Tape tape = in.trainingTape();
        try {
            Tensor logits = net.forward(tape, images(tape, in));
            tape.backward(Losses.softmaxCrossEntropy(tape, logits, in.batch().labels()));
        } finally {
            in.release(tape);
        }
        return net;
    }

    /** Σ |θ ⊙ ∂L/∂θ| over the given weights, in double. */
    static double sumAbsWeightTimesGrad(List<Tensor> weights) {
        double s = 0;
        for (Tensor w : weights) {
            float[] v = w.data(), g = w.grad();
            if (g == null) {
                continue;
            }
            for (int i = 0; i < v.length; i++) {
                s += Math.abs((double) v[i] * g[i]);
            }
        }
        return s;
    }
}
