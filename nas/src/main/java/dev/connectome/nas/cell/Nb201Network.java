package dev.connectome.nas.cell;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Conv2d;
import dev.connectome.engine.nn.GlobalAvgPool;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Sequential;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The NAS-Bench-201 network skeleton around one cell (Dong &amp; Yang 2020; nas-bench-201.md):
 * stem Conv3×3(3→C)+BN; N cells at C channels; reduction block C→2C; N cells; reduction 2C→4C;
 * N cells; head BN→ReLU→global average pool→Linear(4C→classes). Input [batch, 3, H, W] (32×32 for
 * CIFAR-10). Parameters are initialised as PyTorch does by default (convs and the linear layer
 * U(±1/√fan_in), BatchNorm γ = 1, β = 0).
 *
 * <p>Parameter names: "stem.…", "blocks.K.…" (K = 0 .. 3N+1, the reductions at N and 2N+1),
 * "head.…".
 */
public final class Nb201Network implements Module {
    private final Nb201Cell cell;
    private final Nb201NetworkSettings settings;
    private final Sequential stem;
    private final List<Module> blocks;
    private final Sequential head;
    private final Map<String, Tensor> params;

    public Nb201Network(Nb201Cell cell, Nb201NetworkSettings settings, RandomGenerator rng) {
        this.cell = Objects.requireNonNull(cell, "cell");
        this.settings = Objects.requireNonNull(settings, "settings");
        int c = settings.channels();
        boolean bn = settings.batchNorm();
        stem = new Sequential(new Conv2d(3, c, 3, 1, 1, 1, false, rng), Nb201NetworkLayers.batchNorm(c, bn));
        List<Module> b = new ArrayList<>();
        int channels = c;
        for (int stage = 0; stage < 3; stage++) {
            if (stage > 0) {
                b.add(new Nb201NetworkReduction(channels, channels * 2, bn, rng));
                channels *= 2;
            }
            for (int i = 0; i < settings.cellsPerStage(); i++) {
                b.add(new Nb201NetworkCell(cell, channels, bn, rng));
            }
        }
        blocks = List.copyOf(b);
        head = new Sequential(Nb201NetworkLayers.batchNorm(channels, bn), Activation.RELU, new GlobalAvgPool(),
                new Linear(channels, settings.classes(), true, Init.torchLinearDefault(), rng));
        Map<String, Tensor> m = new LinkedHashMap<>();
        Module.collect("stem", stem, m);
        for (int i = 0; i < blocks.size(); i++) {
            Module.collect("blocks." + i, blocks.get(i), m);
        }
        Module.collect("head", head, m);
        params = Collections.unmodifiableMap(m);
    }

    /** The default skeleton (C = 16, N = 5, 10 classes) around the cell with this architecture string. */
    public static Nb201Network of(String architecture, RandomGenerator rng) {
        return new Nb201Network(Nb201Cell.parse(architecture), Nb201NetworkSettings.defaults(), rng);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.rank() != 4 || x.dim(1) != 3) {
            throw new IllegalArgumentException("NB201 network expects input [batch, 3, H, W], got " + x);
        }
        Tensor h = stem.forward(tape, x);
        for (Module block : blocks) {
            h = block.forward(tape, h);
        }
        return head.forward(tape, h);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    @Override
    public Nb201Network train(boolean training) {
        stem.train(training);
        for (Module block : blocks) {
            block.train(training);
        }
        head.train(training);
        return this;
    }

    public Nb201Cell cell() {
        return cell;
    }

    public Nb201NetworkSettings settings() {
        return settings;
    }

    /** Conv3×3 + BN before the first stage (read-only view for exporters). */
    public Sequential stem() {
        return stem;
    }

    /** The cells and reductions in order ({@link Nb201NetworkCell}, {@link Nb201NetworkReduction}). */
    public List<Module> blocks() {
        return blocks;
    }

    /** BN → ReLU → global average pool → Linear. */
    public Sequential head() {
        return head;
    }

    /**
     * Multiply-adds for one {@code size}×{@code size} input (convolutions, pooling windows, the
     * linear layer; BatchNorm and additions not counted).
     */
    public static long multiplyAdds(Nb201Cell cell, Nb201NetworkSettings s, int size) {
        int c = s.channels();
        long total = (long) size * size * c * 3 * 9; // stem
        int channels = c;
        int h = size;
        for (int stage = 0; stage < 3; stage++) {
            if (stage > 0) {
                total += Nb201NetworkReduction.multiplyAdds(channels, channels * 2, h);
                channels *= 2;
                h /= 2;
            }
            total += s.cellsPerStage() * Nb201NetworkCell.multiplyAdds(cell, channels, h);
        }
        return total + (long) channels * s.classes();
    }

    @Override
    public String toString() {
        return "Nb201Network" + cell + " C=" + settings.channels() + " N=" + settings.cellsPerStage();
    }
}
