package dev.connectome.nas.wann;

import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.task.control.ControlTask;
import dev.connectome.nas.task.control.ControlTask.Environment;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A {@link ControlTask} as a WANN task: a rollout is one episode started from
 * {@code new SplittableRandom(seed)}; the network's raw outputs are the action (the environment clips
 * them), and the reward is the episode's return. Episodes run on a {@link RolloutNet} (scalar, one
 * observation at a time).
 */
public final class ControlWannTask implements WannTask {

    private final ControlTask task;

    public ControlWannTask(ControlTask task) {
        this.task = task;
    }

    /** The underlying control problem. */
    public ControlTask task() {
        return task;
    }

    @Override
    public String id() {
        return task.id();
    }

    @Override
    public int inputs() {
        return task.observationSize();
    }

    @Override
    public int outputs() {
        return task.actionSize();
    }

    @Override
    public double[][] rewards(NeuronGraph g, List<ConnectionWeights> weights, long[] seeds) {
        checkShape(g);
        RolloutNet net = RolloutNet.compile(g);
        double[][] rewards = new double[weights.size()][];
        for (int w = 0; w < weights.size(); w++) {
            rewards[w] = episodes(net, weights.get(w), seeds);
        }
        return rewards;
    }

    /** Returns of one episode per seed under one weight setting. */
    public double[] episodes(RolloutNet net, ConnectionWeights weights, long[] seeds) {
        if (net.inputCount() != inputs() || net.outputCount() != outputs()) {
            throw new IllegalArgumentException("task " + id() + " needs " + inputs() + " inputs and " + outputs()
                    + " outputs, but the network has " + net.inputCount() + " and " + net.outputCount());
        }
        float[] x = new float[task.observationSize()];
        float[] out = new float[task.actionSize()];
        float[] scratch = new float[net.scratchSize()];
        double[] total = new double[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            Environment env = task.reset(new SplittableRandom(seeds[i]));
            double sum = 0;
            while (!env.done()) {
                env.observe(x, 0);
                weights.forward(net, x, 0, out, 0, scratch);
                sum += env.step(out, 0);
            }
            total[i] = sum;
        }
        return total;
    }
}
