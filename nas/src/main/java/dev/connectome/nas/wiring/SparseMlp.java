package dev.connectome.nas.wiring;

import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Multi-layer perceptrons whose linear layers are {@link SparseLinear}, each keeping the same fraction
 * of its weights (optionally the first layer dense, the blog's "first layer dense" setting). Biases
 * are dense. Same layout and initialisation as the engine's {@code Mlp}, so a keep of 1 with the
 * complete variant is the dense network.
 */
public final class SparseMlp {
    private SparseMlp() {
    }

    /**
     * @param keep            fraction of each sparse layer's weights used per forward pass, in (0, 1]
     * @param firstLayerDense use a dense {@link Linear} for the first layer
     */
    public static Sequential of(int inputs, int[] hidden, int outputs, Activation act, double keep,
                                boolean firstLayerDense, WiringVariant variant, RandomGenerator rng) {
        Init init = Init.torchLinearDefault();
        List<Module> layers = new ArrayList<>();
        int width = inputs;
        for (int i = 0; i <= hidden.length; i++) {
            int next = i < hidden.length ? hidden[i] : outputs;
            layers.add(i == 0 && firstLayerDense
                    ? new Linear(width, next, true, init, rng)
                    : new SparseLinear(width, next, keep, variant, init, rng));
            if (i < hidden.length) {
                layers.add(act);
            }
            width = next;
        }
        return new Sequential(layers);
    }

    /** Weights used per forward pass (sparse layers' kept weights, dense layers' weights, all biases). */
    public static long activeParameters(Sequential model) {
        long n = 0;
        for (Module m : model.children()) {
            if (m instanceof SparseLinear s) {
                n += s.activeWeights() + s.bias().size();
            } else {
                n += m.parameterCount();
            }
        }
        return n;
    }
}
