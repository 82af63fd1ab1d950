package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.task.control.CartPoleSwingUp;
import dev.connectome.nas.weights.Checkpoint;
import dev.connectome.nas.weights.ControlWeightsTask;
import dev.connectome.nas.weights.EsTrainer;
import dev.connectome.nas.weights.EsTrainingSettings;
import dev.connectome.nas.weights.TrainingCsv;
import dev.connectome.nas.weights.TrainingRun;
import dev.connectome.nas.weights.WeightInit;
import dev.connectome.nas.weights.WeightTrainers;
import dev.connectome.nas.weights.WeightsJson;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * ES fine-tuning of a swing-up WANN's per-connection weights (what WANNTool does after the search):
 * runs one strategy for each seed, one after the other with the population spread over the threads,
 * prints every checkpoint with wall and CPU time, writes the runs CSV and each seed's weights json.
 *
 * <pre>java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.connectome.bench.EsSwingUp \
 *     GENOME.out INIT(e.g. shared:-1) OPTIMIZER GENERATIONS EPISODES SEEDS THREADS OUT_DIR</pre>
 */
public final class EsSwingUp {
    private EsSwingUp() {
    }

    public static void main(String[] args) {
        NeuronGraph g = WannOutFormat.read(Path.of(args[0]), 5, 1);
        WeightInit init = WeightInit.parse(args[1]);
        String optimizer = args[2];
        int generations = Integer.parseInt(args[3]);
        int episodes = Integer.parseInt(args[4]);
        long[] seeds = java.util.Arrays.stream(args[5].split(",")).mapToLong(Long::parseLong).toArray();
        int threads = Integer.parseInt(args[6]);
        Path out = Path.of(args[7]);
        float bias = TunedWeights.SWINGUP_WEIGHT_BIAS;
        ControlWeightsTask task = new ControlWeightsTask(g, CartPoleSwingUp.standard(), bias, 16, 16, 100);
        EsTrainer trainer = WeightTrainers.strategy(optimizer, EsTrainingSettings.of(generations)
                .withCheckpointEvery(Math.max(1, generations / 20)).withFitnessBatch(episodes).withInit(init));
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "%s: %d connections, %d hidden; %s from %s, %d generations, %d episodes/candidate, load %.2f%n",
                args[0], g.enabledConnectionCount(), g.hiddenCount(), optimizer, args[1], generations, episodes,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<TrainingRun> runs = new ArrayList<>();
        try (Parallelism par = Parallelism.of(threads)) {
            Checkpoint start = task.checkpoint(0, init.initialize(g, new java.util.SplittableRandom(0)), 0, par);
            System.out.printf(Locale.ROOT, "start: train %.1f val %.1f test %.1f%n", start.trainAccuracy(),
                    start.validationAccuracy(), start.testAccuracy());
            for (long seed : seeds) {
                long cpu0 = cpu(mx);
                TrainingRun r = trainer.train(task, seed, par, (id, s, c) -> System.out.printf(Locale.ROOT,
                        "%s seed %d gen %d: train %.1f val %.1f test %.1f (%.1f s wall, %.1f s cpu, load %.2f)%n", id, s,
                        c.step(), c.trainAccuracy(), c.validationAccuracy(), c.testAccuracy(), c.seconds(),
                        (cpu(mx) - cpu0) / 1e9, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
                runs.add(r);
                WeightsJson.write(r.bestWeights(), bias, r.best().testAccuracy(),
                        out.resolve(optimizer + "-seed" + seed + ".json"));
                System.out.printf(Locale.ROOT, "seed %d: best checkpoint gen %d (val %.1f) test %.1f; last test %.1f%n", seed,
                        r.best().step(), r.best().validationAccuracy(), r.best().testAccuracy(), r.last().testAccuracy());
            }
        }
        TrainingCsv.write(runs, out.resolve(optimizer + "-runs.csv"));
    }

    /** CPU time of all live threads of this JVM (the pool threads do the episodes). */
    private static long cpu(ThreadMXBean mx) {
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            long t = mx.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }
}
