package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.es.Pepg;
import dev.connectome.nas.es.PepgSettings;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.weights.Checkpoint;
import dev.connectome.nas.weights.EsTrainer;
import dev.connectome.nas.weights.EsTrainingSettings;
import dev.connectome.nas.weights.Mnist256Splits;
import dev.connectome.nas.weights.TrainingCsv;
import dev.connectome.nas.weights.TrainingRun;
import dev.connectome.nas.weights.WeightInit;
import dev.connectome.nas.weights.WeightsJson;
import dev.connectome.nas.weights.WeightsTask;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * PEPG (WANNTool settings) on MNIST256 for several seeds towards convergence: seeds run in parallel,
 * one thread each, every checkpoint is printed as it happens (so a stopped run still has its curve),
 * and the per-seed CPU time of the training thread is reported.
 *
 * <pre>java -Xmx4g --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.connectome.bench.WeightsPepgSeeds \
 *     DATA GENOME.out SEEDS GENERATIONS CHECKPOINT_EVERY THREADS OUT_DIR</pre>
 */
public final class WeightsPepgSeeds {
    private WeightsPepgSeeds() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        NeuronGraph g = WannOutFormat.read(Path.of(args[1]), 256, 10);
        long[] seeds = java.util.Arrays.stream(args[2].split(",")).mapToLong(Long::parseLong).toArray();
        int generations = Integer.parseInt(args[3]);
        int every = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        Path out = Path.of(args[6]);
        WeightsTask task = new WeightsTask(g, Mnist256Splits.load(dir));
        EsTrainingSettings s = EsTrainingSettings.of(generations).withCheckpointEvery(every).withInit(WeightInit.ZERO);
        EsTrainer pepg = new EsTrainer("pepg", s, (m, rng) -> new Pepg(m, PepgSettings.wannTool(), rng));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<TrainingRun> runs = Collections.synchronizedList(new ArrayList<>());
        System.out.printf(Locale.ROOT, "graph %s: %d connections; seeds %s, %d generations, load average %.2f%n", args[1],
                g.enabledConnectionCount(), args[2], generations, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("CSV " + TrainingCsv.HEADER + ",cpu_seconds,load_average");
        try (Parallelism par = Parallelism.of(threads)) {
            par.forEach(seeds.length, i -> {
                long cpu0 = mx.getCurrentThreadCpuTime();
                TrainingRun r = pepg.train(task, seeds[i], Parallelism.single(), (id, seed, c) -> log(id, seed, c,
                        (mx.getCurrentThreadCpuTime() - cpu0) / 1e9));
                runs.add(r);
                WeightsJson.write(r.weights(), TunedWeights.MNIST_WEIGHT_BIAS, r.last().testAccuracy(),
                        out.resolve("pepg-seed" + r.seed() + ".json"));
            });
        }
        List<TrainingRun> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Long.compare(a.seed(), b.seed()));
        TrainingCsv.write(sorted, out.resolve("pepg-runs.csv"));
        double sum = 0, lo = 1, hi = 0;
        for (TrainingRun r : sorted) {
            double t = r.last().testAccuracy();
            sum += t;
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        System.out.printf(Locale.ROOT, "TABLE pepg %d generations, %d seeds: test %.2f%% (min %.2f%%, max %.2f%%)%n",
                generations, sorted.size(), 100 * sum / sorted.size(), 100 * lo, 100 * hi);
    }

    private static void log(String id, long seed, Checkpoint c, double cpu) {
        System.out.printf(Locale.ROOT, "CSV %s,%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f,%.3f,%.1f,%.2f%n", id, seed, c.step(),
                c.trainLoss(), c.trainAccuracy(), c.validationLoss(), c.validationAccuracy(), c.testLoss(), c.testAccuracy(),
                c.seconds(), cpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.flush();
    }
}
