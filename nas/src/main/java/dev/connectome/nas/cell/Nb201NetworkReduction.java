package dev.connectome.nas.cell;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.AvgPool2d;
import dev.connectome.engine.nn.Conv2d;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Sequential;
import dev.connectome.engine.ops.Arithmetic;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * NB201's reduction block, a ResNet basic block with stride 2 from C to 2C channels:
 * b(a(x)) + shortcut(x) with a = ReLU→Conv3×3/2→BN, b = ReLU→Conv3×3→BN and
 * shortcut = AvgPool 2×2/2 → Conv 1×1 (no bias).
 */
public final class Nb201NetworkReduction implements Module {
    private final Sequential a;
    private final Sequential b;
    private final Sequential shortcut;
    private final Map<String, Tensor> params;

    public Nb201NetworkReduction(int in, int out, boolean batchNorm, RandomGenerator rng) {
        a = Nb201NetworkLayers.reluConvBn(in, out, 3, 2, 1, batchNorm, rng);
        b = Nb201NetworkLayers.reluConvBn(out, out, 3, 1, 1, batchNorm, rng);
        shortcut = new Sequential(new AvgPool2d(2, 2, 0), new Conv2d(in, out, 1, 1, 0, 1, false, rng));
        Map<String, Tensor> m = new LinkedHashMap<>();
        Module.collect("a", a, m);
        Module.collect("b", b, m);
        Module.collect("shortcut", shortcut, m);
        params = Collections.unmodifiableMap(m);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        Tensor main = b.forward(tape, a.forward(tape, x));
        return Arithmetic.add(tape, main, shortcut.forward(tape, x));
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    @Override
    public Module train(boolean training) {
        a.train(training);
        b.train(training);
        shortcut.train(training);
        return this;
    }

    /** ReLU → Conv3×3/2 → BN (first conv of the main path). */
    public Sequential a() {
        return a;
    }

    /** ReLU → Conv3×3 → BN (second conv of the main path). */
    public Sequential b() {
        return b;
    }

    /** AvgPool 2×2/2 → Conv 1×1. */
    public Sequential shortcut() {
        return shortcut;
    }

    /** Multiply-adds per sample for input {@code size}×{@code size} with {@code in} channels. */
    static long multiplyAdds(int in, int out, int size) {
        long half = (long) (size / 2) * (size / 2);
        return half * out * in * 9 + half * out * out * 9 + half * in * 4 + half * out * in;
    }
}
