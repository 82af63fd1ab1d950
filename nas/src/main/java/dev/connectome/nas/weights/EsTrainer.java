package dev.connectome.nas.weights;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.es.EvolutionStrategy;
import dev.connectome.nas.es.Population;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Trains weights with an {@link EvolutionStrategy} on minibatch fitness (see {@link EsTrainingSettings}).
 * The population is evaluated in parallel; the strategy's randomness and the minibatch draws come
 * from separate generators split from the seed, so results do not depend on the thread count.
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

    @Override
    public TrainingRun train(WeightsTask task, long seed, Parallelism par, Listener listener) {
        long start = System.nanoTime();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom initRng = root.split();
        SplittableRandom esRng = root.split();
        SplittableRandom batchRng = root.split();
        float[] init = s.init().initialize(task.graph(), initRng);
        EvolutionStrategy es = factory.create(init, esRng);
        Dataset train = task.data().train();
        int batch = Math.min(s.fitnessBatch(), train.size());
        List<Checkpoint> checkpoints = new ArrayList<>();
        float[] best = es.mean();
        int bestIndex = 0;
        for (int g = 1; g <= s.generations(); g++) {
            int[] idx = Arrays.copyOf(Dataset.permutation(train.size(), batchRng), batch);
            GraphLoss minibatch = new GraphLoss(task.net(), train.subset(idx), batch);
            float[][] pop = es.ask();
            double[] fitness = Population.evaluate(pop, (w, i) -> -minibatch.evaluate(0, w).loss(), par);
            es.tell(fitness);
            if (g % s.checkpointEvery() == 0 || g == s.generations()) {
                float[] mean = es.mean();
                Checkpoint c = task.checkpoint(g, mean, (System.nanoTime() - start) / 1e9, par);
                checkpoints.add(c);
                if (checkpoints.size() == 1 || c.validationAccuracy() > checkpoints.get(bestIndex).validationAccuracy()) {
                    bestIndex = checkpoints.size() - 1;
                    best = mean;
                }
                listener.onCheckpoint(id, seed, c);
            }
        }
        return new TrainingRun(id, seed, es.mean(), best, bestIndex, checkpoints);
    }
}
