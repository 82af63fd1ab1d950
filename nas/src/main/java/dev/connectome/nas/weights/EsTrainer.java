package dev.connectome.nas.weights;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.es.EvolutionStrategy;
import dev.connectome.nas.es.Population;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Trains weights with an {@link EvolutionStrategy} on any {@link EsTask} (see {@link EsTrainingSettings}):
 * MNIST256 minibatch fitness or control-task episode returns. The strategy searches params
 * θ = weights − {@link EsTask#weightBias()} as WANNTool does. The population is evaluated in
 * parallel; the strategy's randomness and the task's per-generation draws (minibatches, episode
 * starts) come from separate generators split from the seed, so results do not depend on the thread count.
 */
public final class EsTrainer implements WeightTrainer {
    /** Builds a strategy around a starting mean. */
    @FunctionalInterface
    public interface StrategyFactory {
        EvolutionStrategy create(float[] initialMean, RandomGenerator rng);
    }

    private final String id;
    private final EsTrainingSettings s;
    private final StrategyFactory factory;

    public EsTrainer(String id, EsTrainingSettings settings, StrategyFactory factory) {
        this.id = id;
        this.s = settings;
        this.factory = factory;
    }

    @Override
    public String id() {
        return id;
    }

    public EsTrainingSettings settings() {
        return s;
    }

    /** The same strategy with other settings (e.g. episodes per candidate for a control task). */
    public EsTrainer withSettings(EsTrainingSettings settings) {
        return new EsTrainer(id, settings, factory);
    }

    @Override
    public TrainingRun train(WeightsTask task, long seed, Parallelism par, Listener listener) {
        return train((EsTask) task, seed, par, listener);
    }

    /** One run on any task; checkpoints measure the strategy's mean. */
    public TrainingRun train(EsTask task, long seed, Parallelism par, Listener listener) {
        long start = System.nanoTime();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom initRng = root.split();
        SplittableRandom esRng = root.split();
        SplittableRandom sampleRng = root.split();
        float bias = task.weightBias();
        float[] init = s.init().initialize(task.graph(), initRng);
        for (int k = 0; k < init.length; k++) {
            init[k] -= bias;
        }
        EvolutionStrategy es = factory.create(init, esRng);
        List<Checkpoint> checkpoints = new ArrayList<>();
        float[] best = weights(es.mean(), bias);
        int bestIndex = 0;
        for (int g = 1; g <= s.generations(); g++) {
            Population.Fitness fitness = task.generationFitness(s.fitnessBatch(), sampleRng);
            float[][] pop = es.ask();
            for (float[] p : pop) {
                shift(p, bias);
            }
            es.tell(Population.evaluate(pop, fitness, par));
            if (g % s.checkpointEvery() == 0 || g == s.generations()) {
                float[] w = weights(es.mean(), bias);
                Checkpoint c = task.checkpoint(g, w, (System.nanoTime() - start) / 1e9, par);
                checkpoints.add(c);
                if (checkpoints.size() == 1 || c.validationAccuracy() > checkpoints.get(bestIndex).validationAccuracy()) {
                    bestIndex = checkpoints.size() - 1;
                    best = w;
                }
                listener.onCheckpoint(id, seed, c);
            }
        }
        return new TrainingRun(id, seed, weights(es.mean(), bias), best, bestIndex, checkpoints);
    }

    private static float[] weights(float[] params, float bias) {
        shift(params, bias);
        return params;
    }

    private static void shift(float[] v, float bias) {
        if (bias != 0f) {
            for (int k = 0; k < v.length; k++) {
                v[k] += bias;
            }
        }
    }
}
