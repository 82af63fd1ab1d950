package dev.connectome.nas.wann;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.evaluate.TrialContext;
import dev.connectome.nas.study.Seeds;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Weight-agnostic evaluation of a WANN candidate (WANNRelease {@code Task.getDistFitness}): the
 * genome is compiled once and run at every shared weight value on the same {@code repeats} rollouts;
 * the objective is the mean over weight values of the mean reward, with max and connection count as
 * metrics. Rollout seeds depend only on the study seed and the candidate's generation, so a whole
 * generation sees the same episodes (WANN draws one seed per generation and uses seed + r for repeat r).
 */
public final class WannEvaluator implements Evaluator<WannCandidate> {

    private static final long ROLLOUT_STREAM = 0x57A77L;

    private final WannTask task;
    private final double[] weights;
    private final List<ConnectionWeights> shared;
    private final int repeats;
    private final long studySeed;
    private final String datasetSha256;

    /**
     * @param datasetSha256 SHA-256 of the task's data for provenance, or null
     */
    public WannEvaluator(WannTask task, double[] weights, int repeats, long studySeed, String datasetSha256) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be >= 1, got " + repeats);
        }
        this.task = task;
        this.weights = weights.clone();
        this.shared = ConnectionWeights.shared(weights);
        this.repeats = repeats;
        this.studySeed = studySeed;
        this.datasetSha256 = datasetSha256;
    }

    @Override
    public String id() {
        return "wann:" + task.id();
    }

    @Override
    public Optional<String> datasetSha256() {
        return Optional.ofNullable(datasetSha256);
    }

    public WannTask task() {
        return task;
    }

    /** The rollout seeds of a generation: base + r for repeat r. */
    public long[] rolloutSeeds(int generation) {
        return rolloutSeeds(studySeed, generation, repeats);
    }

    /** Rollout seeds of a generation for a study seed. */
    public static long[] rolloutSeeds(long studySeed, int generation, int repeats) {
        long base = Seeds.derive(studySeed, ROLLOUT_STREAM, generation);
        long[] seeds = new long[repeats];
        for (int r = 0; r < repeats; r++) {
            seeds[r] = base + r;
        }
        return seeds;
    }

    /** The weight-agnostic score of {@code c} on its generation's rollouts. */
    public WannScore score(WannCandidate c) {
        double[][] rewards = task.rewards(c.graph(), shared, rolloutSeeds(c.generation()));
        return WannScore.of(weights, rewards, c.graph().enabledConnectionCount());
    }

    @Override
    public Evaluation evaluate(WannCandidate c, TrialContext context) {
        long start = System.nanoTime();
        WannScore s = score(c);
        Map<String, Double> metrics = s.metrics();
        return Evaluation.complete(s.mean(), metrics, (System.nanoTime() - start) / 1e9);
    }
}
