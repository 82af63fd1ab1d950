package dev.connectome.nas.score;

import dev.connectome.engine.nn.Module;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Network;
import dev.connectome.nas.cell.Nb201NetworkSettings;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** An NB201 cell in its network skeleton with C channels and N cells per stage, as a {@link ScoredNetwork}. */
public record Nb201ScoredNetwork(Nb201Cell cell, int channels, int cellsPerStage) implements ScoredNetwork {
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
}
