package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.weights.Checkpoint;
import dev.connectome.nas.weights.Mnist256Splits;
import dev.connectome.nas.weights.TrainingCsv;
import dev.connectome.nas.weights.TrainingRun;
import dev.connectome.nas.weights.WeightTrainer;
import dev.connectome.nas.weights.WeightTrainers;
import dev.connectome.nas.weights.WeightsJson;
import dev.connectome.nas.weights.WeightsTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Seed 000's table on an MNIST256 WANN: Adam and SGD for {@code epochs} epochs over several seeds
 * (seeds run in parallel, one thread each), reported at epoch 10 and at the last epoch (and Adam at
 * its best-validation epoch, as the seed's 30-epoch update did), plus PEPG (one run, population
 * evaluated on all threads). Writes the checkpoints as CSV and the epoch-10 Adam/SGD weights of the
 * first seed and the PEPG weights as zoo json for the landscape figure.
 *
 * <p>Usage: {@code WeightsRepro dataDir graph.out seeds epochs pepgGenerations threads outDir},
 * e.g. {@code ../shared/data mnist256.out 1,2,3,4,5 30 3000 2 bench/results/weights}.
 */
public final class WeightsRepro {
    private WeightsRepro() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path graphFile = Path.of(args[1]);
        long[] seeds = java.util.Arrays.stream(args[2].split(",")).mapToLong(Long::parseLong).toArray();
        int epochs = Integer.parseInt(args[3]);
        int pepgGenerations = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        Path out = Path.of(args[6]);
        NeuronGraph g = WannOutFormat.read(graphFile, 256, 10);
        long t0 = System.nanoTime();
        WeightsTask task = new WeightsTask(g, Mnist256Splits.load(dir));
        System.out.printf(Locale.ROOT, "graph %s: %d enabled connections, %d hidden nodes; data loaded in %.1f s%n",
                graphFile, g.enabledConnectionCount(), g.hiddenCount(), (System.nanoTime() - t0) / 1e9);
        List<TrainingRun> runs = Collections.synchronizedList(new ArrayList<>());
        WeightTrainer.Listener log = (id, seed, c) -> System.out.printf(Locale.ROOT,
                "%s seed %d step %d train %.4f val %.4f test %.4f (%.0f s)%n", id, seed, c.step(), c.trainAccuracy(),
                c.validationAccuracy(), c.testAccuracy(), c.seconds());
        try (Parallelism par = Parallelism.of(threads)) {
            for (String id : List.of("adam", "sgd")) {
                WeightTrainer t = WeightTrainers.create(id, epochs, null);
                par.forEach(seeds.length, i -> runs.add(t.train(task, seeds[i], Parallelism.single(), log)));
                // Epoch-10 weights of the first seed for the landscape (the seed's choice of x̂).
                TrainingRun ten = WeightTrainers.create(id, Math.min(10, epochs), null)
                        .train(task, seeds[0], par, WeightTrainer.Listener.NONE);
                WeightsJson.write(ten.weights(), TunedWeights.MNIST_WEIGHT_BIAS, ten.last().testAccuracy(),
                        out.resolve(id + ".json"));
            }
            TrainingCsv.write(sorted(runs), out.resolve("runs.csv"));
            if (pepgGenerations > 0) {
                WeightTrainer pepg = WeightTrainers.create("pepg", pepgGenerations, null);
                TrainingRun r = pepg.train(task, seeds[0], par, log);
                runs.add(r);
                WeightsJson.write(r.weights(), TunedWeights.MNIST_WEIGHT_BIAS, r.last().testAccuracy(),
                        out.resolve("pepg.json"));
            }
        }
        TrainingCsv.write(sorted(runs), out.resolve("runs.csv"));
        summary(runs, "adam", 10);
        summary(runs, "sgd", 10);
        summary(runs, "adam", epochs);
        summary(runs, "sgd", epochs);
        summaryBest(runs, "adam");
        for (TrainingRun r : runs) {
            if (r.method().equals("pepg")) {
                Checkpoint c = r.last();
                System.out.printf(Locale.ROOT, "TABLE pepg gen %d: train %.2f%% val %.2f%% test %.2f%% (%.0f s)%n", c.step(),
                        100 * c.trainAccuracy(), 100 * c.validationAccuracy(), 100 * c.testAccuracy(), c.seconds());
            }
        }
        System.out.printf(Locale.ROOT, "total %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static List<TrainingRun> sorted(List<TrainingRun> runs) {
        List<TrainingRun> copy = new ArrayList<>(runs);
        copy.sort((a, b) -> a.method().equals(b.method()) ? Long.compare(a.seed(), b.seed()) : a.method().compareTo(b.method()));
        return copy;
    }

    private static void summary(List<TrainingRun> runs, String id, int epoch) {
        double tr = 0, va = 0, te = 0;
        int n = 0;
        for (TrainingRun r : runs) {
            if (r.method().equals(id) && r.checkpoints().size() >= epoch) {
                Checkpoint c = r.checkpoints().get(epoch - 1);
                tr += c.trainAccuracy();
                va += c.validationAccuracy();
                te += c.testAccuracy();
                n++;
            }
        }
        System.out.printf(Locale.ROOT, "TABLE %s epoch %d (mean of %d seeds): train %.2f%% val %.2f%% test %.2f%%%n", id, epoch,
                n, 100 * tr / n, 100 * va / n, 100 * te / n);
    }

    private static void summaryBest(List<TrainingRun> runs, String id) {
        double tr = 0, va = 0, te = 0, ep = 0;
        int n = 0;
        for (TrainingRun r : runs) {
            if (r.method().equals(id)) {
                Checkpoint c = r.best();
                tr += c.trainAccuracy();
                va += c.validationAccuracy();
                te += c.testAccuracy();
                ep += c.step();
                n++;
            }
        }
        System.out.printf(Locale.ROOT, "TABLE %s best-validation epoch (mean epoch %.1f, %d seeds): train %.2f%% val %.2f%% test %.2f%%%n",
                id, ep / n, n, 100 * tr / n, 100 * va / n, 100 * te / n);
    }
}
