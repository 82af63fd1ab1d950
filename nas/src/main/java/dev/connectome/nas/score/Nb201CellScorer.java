package dev.connectome.nas.score;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.data.ImageBatches;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores NB201 cells with one zero-cost score over a fixed batch, caching by cell so repeated draws
 * (NASWOT's searches sample with replacement) are scored once. The network of a cell is initialised
 * from {@code seed} mixed with the cell's code, so a cell's score does not depend on what was scored
 * before it. Thread-safe.
 */
public final class Nb201CellScorer implements ArchitectureScorer<Nb201Cell> {
    private final ZeroCostScore score;
    private final ImageBatches.Batch batch;
    private final int channels;
    private final int cellsPerStage;
    private final long seed;
    private final Parallelism parallelism;
    private final Map<Integer, Double> cache = new ConcurrentHashMap<>();
    private final TapePool tapes;

    public Nb201CellScorer(ZeroCostScore score, ImageBatches.Batch batch, int channels, int cellsPerStage, long seed,
            Parallelism parallelism) {
        this.score = Objects.requireNonNull(score, "score");
        this.batch = Objects.requireNonNull(batch, "batch");
        this.channels = channels;
        this.cellsPerStage = cellsPerStage;
        this.seed = seed;
        this.parallelism = Objects.requireNonNull(parallelism, "parallelism");
        this.tapes = new TapePool(parallelism);
    }

    @Override
    public double score(Nb201Cell cell) {
        Double known = cache.get(cell.code());
        if (known != null) {
            return known;
        }
        double s = score.score(input(cell));
        cache.putIfAbsent(cell.code(), s);
        return s;
    }

    /** The score input of a cell: its network, the batch and the cell's initialisation seed. */
    public ScoreInput input(Nb201Cell cell) {
        return new ScoreInput(new Nb201ScoredNetwork(cell, channels, cellsPerStage), batch, cellSeed(seed, cell),
                parallelism, tapes);
    }

    /** Seeds the cache with a known score (e.g. read back from a file). */
    public void remember(Nb201Cell cell, double value) {
        cache.put(cell.code(), value);
    }

    /** Cells scored so far (or remembered). */
    public int cached() {
        return cache.size();
    }

    public ZeroCostScore zeroCostScore() {
        return score;
    }

    /** SplitMix64 of seed and cell code: independent initial weights per cell. */
    static long cellSeed(long seed, Nb201Cell cell) {
        long z = seed + 0x9E3779B97F4A7C15L * (cell.code() + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
