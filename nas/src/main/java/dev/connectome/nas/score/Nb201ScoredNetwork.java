package dev.connectome.nas.score;

import dev.connectome.engine.nn.Module;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Network;
import dev.connectome.nas.cell.Nb201NetworkInference;
import dev.connectome.nas.data.ImageBatches;
import dev.connectome.nas.cell.Nb201NetworkSettings;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An NB201 cell in its network skeleton with C channels and N cells per stage, as a {@link ScoredNetwork}.
 * NASWOT reads its ReLU codes through {@link Nb201NetworkInference} (bitwise the same inputs as the
 * tape forward, a fraction of the work).
 */
public record Nb201ScoredNetwork(Nb201Cell cell, int channels, int cellsPerStage)
        implements ScoredNetwork, ReluCodeSource {
    public Nb201ScoredNetwork {
        Objects.requireNonNull(cell, "cell");
        new Nb201NetworkSettings(channels, cellsPerStage, 1, true); // validates
    }

    /** The table's skeleton: C = 16, N = 5. */
    public static Nb201ScoredNetwork of(Nb201Cell cell) {
        return new Nb201ScoredNetwork(cell, 16, 5);
    }

    @Override
    public String name() {
        return cell.format();
    }

    @Override
    public Module build(int classes, boolean batchNorm, RandomGenerator rng) {
        return new Nb201Network(cell, new Nb201NetworkSettings(channels, cellsPerStage, classes, batchNorm), rng);
    }

    @Override
    public long multiplyAdds(int classes) {
        return Nb201Network.multiplyAdds(cell, new Nb201NetworkSettings(channels, cellsPerStage, classes, true), 32);
    }

    @Override
    public void addReluCodes(ScoreInput in, NaswotKernel kernel) {
        Nb201Network net = (Nb201Network) in.build(1, true);
        ImageBatches.Batch b = in.batch();
        int[] shape = b.shape();
        Nb201NetworkInference.run(net, b.images(), b.count(), shape[2], shape[3], new Nb201NetworkInference.ReluInputs() {
            @Override
            public void accept(float[] data, int units, int multiplicity) {
                kernel.add(data, units, multiplicity);
            }

            @Override
            public void acceptZero(int units, int multiplicity) {
                kernel.addUniform(units, multiplicity);
            }
        });
    }
}
