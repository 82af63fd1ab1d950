package dev.connectome.nas.weights;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.es.Population;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.task.control.ControlTask;
import dev.connectome.nas.wann.ConnectionWeights;
import dev.connectome.nas.wann.ControlWannTask;
import dev.connectome.nas.wann.RolloutNet;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Training a genome's per-connection weights on a {@link ControlTask} (e.g. cart-pole swing-up), as
 * WANNTool fine-tunes the WANN champions: a candidate's fitness is its mean return over a few
 * episodes whose starts are drawn once per generation and shared by the whole population (estool
 * duplicates the seed list so antithetic pairs see the same starts). Episodes run on a
 * {@link RolloutNet} through {@link ControlWannTask#episodes}.
 *
 * <p>Checkpoints report mean returns in the "accuracy" columns (and their negation as "loss"): train
 * on {@code trainEpisodes} fixed starts, validation on {@code validationEpisodes} other fixed starts
 * (the trainer keeps the weights that do best there), test on {@code testEpisodes} starts that
 * neither the fitness nor the selection ever sees. The fixed sets come from constant seeds, the same
 * for every run, so runs and seeds are compared on the same starts. Immutable and thread-safe.
 */
public final class ControlWeightsTask implements EsTask {
    /** Roots of the fixed episode sets; fitness starts are random longs from the run's generator. */
    private static final long TRAIN_ROOT = 0x7261696EL;
    private static final long VALIDATION_ROOT = 0x76616C69L;
    private static final long TEST_ROOT = 0x74657374L;

    private final NeuronGraph graph;
    private final ControlWannTask rollouts;
    private final RolloutNet net;
    private final float weightBias;
    private final long[] trainSeeds;
    private final long[] validationSeeds;
    private final long[] testSeeds;

    /**
     * @param weightBias WANNTool's weight_bias of the task (−1.5 for swing-up)
     * @throws IllegalArgumentException when the genome's inputs/outputs do not match the task or it has no connections
     */
    public ControlWeightsTask(NeuronGraph graph, ControlTask task, float weightBias, int trainEpisodes,
                              int validationEpisodes, int testEpisodes) {
        if (graph.inputCount() != task.observationSize() || graph.outputCount() != task.actionSize()) {
            throw new IllegalArgumentException("task " + task.id() + " needs " + task.observationSize() + " inputs and "
                    + task.actionSize() + " outputs, but the genome has " + graph.inputCount() + " and " + graph.outputCount());
        }
        if (graph.enabledConnectionCount() == 0) {
            throw new IllegalArgumentException("the genome has no enabled connections, nothing to train");
        }
        if (trainEpisodes < 1 || validationEpisodes < 1 || testEpisodes < 1) {
            throw new IllegalArgumentException("episode counts must be >= 1, got " + trainEpisodes + ", "
                    + validationEpisodes + ", " + testEpisodes);
        }
        this.graph = graph;
        this.rollouts = new ControlWannTask(task);
        this.net = RolloutNet.compile(graph);
        this.weightBias = weightBias;
        this.trainSeeds = seeds(TRAIN_ROOT, trainEpisodes);
        this.validationSeeds = seeds(VALIDATION_ROOT, validationEpisodes);
        this.testSeeds = seeds(TEST_ROOT, testEpisodes);
    }

    private static long[] seeds(long root, int n) {
        SplittableRandom r = new SplittableRandom(root);
        long[] s = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextLong();
        }
        return s;
    }

    @Override
    public String id() {
        return rollouts.id();
    }

    @Override
    public NeuronGraph graph() {
        return graph;
    }

    @Override
    public float weightBias() {
        return weightBias;
    }

    @Override
    public String metric() {
        return "return";
    }

    /** Mean return over {@code episodes} starts drawn from {@code rng}, the same starts for every candidate. */
    @Override
    public Population.Fitness generationFitness(int episodes, RandomGenerator rng) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes per candidate must be >= 1, got " + episodes);
        }
        long[] starts = new long[episodes];
        for (int i = 0; i < episodes; i++) {
            starts[i] = rng.nextLong();
        }
        return (w, i) -> mean(rollouts.episodes(net, new ConnectionWeights.PerConnection(w), starts));
    }

    /** Returns of {@code w} on the given starts, one episode per start, spread over {@code par}. */
    public double[] returns(float[] w, long[] starts, Parallelism par) {
        ConnectionWeights cw = new ConnectionWeights.PerConnection(w);
        double[] out = new double[starts.length];
        par.forEach(starts.length, i -> out[i] = rollouts.episodes(net, cw, new long[] {starts[i]})[0]);
        return out;
    }

    @Override
    public Checkpoint checkpoint(int step, float[] w, double seconds, Parallelism par) {
        double tr = mean(returns(w, trainSeeds, par));
        double va = mean(returns(w, validationSeeds, par));
        double te = mean(returns(w, testSeeds, par));
        return new Checkpoint(step, -tr, tr, -va, va, -te, te, seconds);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }
}
