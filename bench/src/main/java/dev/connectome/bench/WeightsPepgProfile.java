package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.es.Pepg;
import dev.connectome.nas.es.PepgSettings;
import dev.connectome.nas.es.Population;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.weights.GraphLoss;
import dev.connectome.nas.weights.Mnist256Splits;
import dev.connectome.nas.weights.WeightsTask;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Where one PEPG generation on MNIST256 spends its time (population 64 × 1000 images): minibatch
 * draw and node-major transpose, ask, population evaluation, tell. Wall and CPU time (ThreadMXBean,
 * this thread only; run with threads=1 so the evaluation runs here too) per phase.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.connectome.bench.WeightsPepgProfile \
 *     DATA GENOME.out GENERATIONS</pre>
 */
public final class WeightsPepgProfile {
    private WeightsPepgProfile() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        NeuronGraph g = WannOutFormat.read(Path.of(args[1]), 256, 10);
        int generations = Integer.parseInt(args[2]);
        WeightsTask task = new WeightsTask(g, Mnist256Splits.load(dir));
        Dataset train = task.data().train();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        String[] names = {"batch", "ask", "evaluate", "tell"};
        long[] wall = new long[4];
        long[] cpu = new long[4];
        SplittableRandom rng = new SplittableRandom(1);
        Pepg es = new Pepg(task.net().weightCount(), PepgSettings.wannTool(), rng.split());
        for (int gen = 0; gen < generations; gen++) {
            boolean count = gen >= generations / 4; // first quarter warms the JIT up
            long w0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            int[] idx = Arrays.copyOf(Dataset.permutation(train.size(), rng), 1000);
            GraphLoss batch = new GraphLoss(task.net(), train.subset(idx), 1000);
            long w1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            float[][] pop = es.ask();
            long w2 = System.nanoTime();
            long c2 = mx.getCurrentThreadCpuTime();
            double[] f = Population.evaluate(pop, (w, i) -> -batch.evaluate(0, w).loss(), Parallelism.single());
            long w3 = System.nanoTime();
            long c3 = mx.getCurrentThreadCpuTime();
            es.tell(f);
            long w4 = System.nanoTime();
            long c4 = mx.getCurrentThreadCpuTime();
            if (count) {
                long[] ws = {w1 - w0, w2 - w1, w3 - w2, w4 - w3};
                long[] cs = {c1 - c0, c2 - c1, c3 - c2, c4 - c3};
                for (int k = 0; k < 4; k++) {
                    wall[k] += ws[k];
                    cpu[k] += cs[k];
                }
            }
        }
        int n = generations - generations / 4;
        for (int k = 0; k < 4; k++) {
            System.out.printf(Locale.ROOT, "%-9s wall %8.2f ms/gen  cpu %8.2f ms/gen%n", names[k], wall[k] / 1e6 / n,
                    cpu[k] / 1e6 / n);
        }
        System.out.printf(Locale.ROOT, "load average %.2f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
