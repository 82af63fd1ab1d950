package dev.connectome.bench;

import dev.connectome.engine.optim.Adam;
import dev.connectome.nas.cell.EnasCell;
import dev.connectome.nas.cell.EnasCellSpace;
import dev.connectome.nas.cell.EnasSupernet;
import dev.connectome.nas.cell.EnasTraining;
import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import dev.connectome.nas.search.reinforce.ReinforceStrategy;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * ENAS weight sharing on Fashion-MNIST with the dense ENAS cell space ({@link EnasSupernet}): one
 * supernet trained with children from a REINFORCE controller (alternating shared-weight steps on
 * training batches and controller steps rewarded by validation-batch accuracy), one trained with
 * uniformly random children (ENAS with a random controller). Then {@code samples} children each are
 * scored with shared weights on 1000 validation images, and the best controller child and the best
 * random child are retrained from scratch and tested on the 10,000 test images.
 *
 * <p>Usage: {@code EnasBench [data=../shared/data] [epochs=10] [sharedSteps=200] [controllerSteps=50]
 * [hidden=64] [nodes=5] [samples=200] [retrainEpochs=3] [seeds=1,2,3]}. With several seeds a summary
 * (mean ± sd over seeds) follows the per-seed tables. Everything runs on the main thread, so its CPU
 * time (ThreadMXBean) is the computing CPU time; it is printed next to the wall time.
 */
public final class EnasBench {
    private static final int BATCH = 64;

    private EnasBench() {
    }

    public static void main(String[] args) {
        Path data = Path.of(System.getenv().getOrDefault("CONNECTOME_DATA", "../shared/data"));
        int epochs = 10, sharedSteps = 200, controllerSteps = 50, hidden = 64, nodes = 5, samples = 200, retrainEpochs = 3;
        long[] seeds = {1};
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "data" -> data = Path.of(kv[1]);
                case "epochs" -> epochs = Integer.parseInt(kv[1]);
                case "sharedSteps" -> sharedSteps = Integer.parseInt(kv[1]);
                case "controllerSteps" -> controllerSteps = Integer.parseInt(kv[1]);
                case "hidden" -> hidden = Integer.parseInt(kv[1]);
                case "nodes" -> nodes = Integer.parseInt(kv[1]);
                case "samples" -> samples = Integer.parseInt(kv[1]);
                case "retrainEpochs" -> retrainEpochs = Integer.parseInt(kv[1]);
                case "seed", "seeds" -> seeds = Arrays.stream(kv[1].split(",")).mapToLong(Long::parseLong).toArray();
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        Dataset trainAll = DataSets.load(data, "fashion-mnist", true);
        Dataset test = DataSets.load(data, "fashion-mnist", false);
        List<Run> runs = new ArrayList<>();
        for (long seed : seeds) {
            System.out.printf(Locale.ROOT, "%n## seed %d%n", seed);
            runs.add(run(trainAll, test, seed, epochs, sharedSteps, controllerSteps, hidden, nodes, samples, retrainEpochs));
        }
        if (runs.size() > 1) {
            summary(runs);
        }
    }

    /** One seed's numbers: shared-weight means and maxima, retrained test accuracies, wall and CPU seconds. */
    private record Run(long seed, double ctrlMean, double ctrlMax, double randAMean, double randBMean, double randBMax,
                       int ctrlDistinct, double retrainCtrl, double retrainRand, double wallCtrl, double cpuCtrl,
                       double wallRand, double cpuRand, double wallRetrain, double cpuRetrain) {
    }

    private static void summary(List<Run> runs) {
        System.out.printf(Locale.ROOT, "%n## summary over %d seeds (mean ± sd over seeds)%n", runs.size());
        System.out.println("| quantity | " + String.join(" | ", runs.stream().map(r -> "seed " + r.seed).toList())
                + " | mean ± sd |");
        System.out.println("|---|" + "---|".repeat(runs.size()) + "---|");
        row(runs, "controller children, controller supernet: mean shared-weight acc %", Run::ctrlMean);
        row(runs, "random children, controller supernet: mean %", Run::randAMean);
        row(runs, "random children, random supernet: mean %", Run::randBMean);
        row(runs, "controller children: max %", Run::ctrlMax);
        row(runs, "random children, random supernet: max %", Run::randBMax);
        row(runs, "controller children: distinct of samples", r -> r.ctrlDistinct);
        row(runs, "retrained best controller child: test %", Run::retrainCtrl);
        row(runs, "retrained best random child: test %", Run::retrainRand);
        row(runs, "retrained: controller minus random (points)", r -> r.retrainCtrl - r.retrainRand);
        row(runs, "controller search wall s", Run::wallCtrl);
        row(runs, "controller search CPU s", Run::cpuCtrl);
        row(runs, "random search wall s", Run::wallRand);
        row(runs, "random search CPU s", Run::cpuRand);
        row(runs, "both retrainings wall s", Run::wallRetrain);
        row(runs, "both retrainings CPU s", Run::cpuRetrain);
    }

    private static void row(List<Run> runs, String label, java.util.function.ToDoubleFunction<Run> f) {
        double[] v = runs.stream().mapToDouble(f).toArray();
        StringBuilder b = new StringBuilder("| ").append(label).append(" | ");
        for (double x : v) {
            b.append(String.format(Locale.ROOT, "%.2f | ", x));
        }
        System.out.println(b.append(String.format(Locale.ROOT, "%.2f ± %.2f |", SearchBaselines.mean(v), SearchBaselines.sd(v))));
    }

    private static double cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9;
    }

    private static Run run(Dataset trainAll, Dataset test, long seed, int epochs, int sharedSteps, int controllerSteps,
            int hidden, int nodes, int samples, int retrainEpochs) {
        Dataset full = trainAll.shuffled(new SplittableRandom(seed));
        Dataset train = full.slice(0, full.size() - 10_000);
        Dataset val = full.slice(full.size() - 10_000, full.size());
        Dataset valFixed = val.slice(0, 1000);
        EnasCellSpace space = new EnasCellSpace(nodes);
        int in = train.sampleSize(), classes = train.numClasses();
        System.out.printf(Locale.ROOT, "Fashion-MNIST: %d train, %d validation, %d test; ENAS cell N=%d, hidden %d, %d epochs x (%d shared + %d controller steps)%n",
                train.size(), val.size(), test.size(), nodes, hidden, epochs, sharedSteps, controllerSteps);

        ReinforceStrategy<EnasCell> controller = new ReinforceStrategy<>(space, ControllerSettings.defaults(seed)
                .withSharedHeads(true).withLearningRate(0.003).withLogitShaping(5, 2.5).withEntropy(1e-3));
        EnasSupernet withController = new EnasSupernet(in, hidden, classes, nodes, new SplittableRandom(seed));
        EnasSupernet withRandom = new EnasSupernet(in, hidden, classes, nodes, new SplittableRandom(seed));
        SplittableRandom rng = new SplittableRandom(seed + 1);
        long t0 = System.nanoTime();
        double c0 = cpu();
        Adam optA = new Adam(withController.parameters(), Adam.Settings.of(1e-3));
        for (int e = 0; e < epochs; e++) {
            for (int s = 0; s < sharedSteps; s++) {
                EnasCell child = space.tokens().decode(controller.controller().sample(rng).tokens());
                step(withController, optA, child, train, rng);
            }
            for (int s = 0; s < controllerSteps; s++) {
                EnasCell child = controller.ask(rng);
                controller.tell(child, Evaluation.complete(100 * accuracy(withController, child, batch(val, 256, rng))));
            }
        }
        double secondsA = (System.nanoTime() - t0) / 1e9;
        double cpuA = cpu() - c0;
        t0 = System.nanoTime();
        c0 = cpu();
        Adam optB = new Adam(withRandom.parameters(), Adam.Settings.of(1e-3));
        for (int e = 0; e < epochs; e++) {
            for (int s = 0; s < sharedSteps; s++) {
                step(withRandom, optB, space.sample(rng), train, rng);
            }
        }
        double secondsB = (System.nanoTime() - t0) / 1e9;
        double cpuB = cpu() - c0;
        System.out.printf(Locale.ROOT, "search: controller supernet %.1f s wall / %.1f s CPU (%d controller updates), "
                + "random supernet %.1f s wall / %.1f s CPU%n%n", secondsA, cpuA, controller.updates(), secondsB, cpuB);

        SplittableRandom pick = new SplittableRandom(seed + 2);
        Scored ctrl = score("controller children, controller supernet", withController, valFixed, samples,
                () -> space.tokens().decode(controller.controller().sample(pick).tokens()));
        Scored randA = score("random children, controller supernet", withController, valFixed, samples, () -> space.sample(pick));
        Scored randB = score("random children, random supernet", withRandom, valFixed, samples, () -> space.sample(pick));
        System.out.println("| children (shared weights, 1000 validation images) | mean ± sd acc % | median | max | distinct | best child |");
        System.out.println("|---|---|---|---|---|---|");
        for (Scored s : new Scored[] {ctrl, randA, randB}) {
            System.out.println(s.row());
        }
        System.out.println();
        System.out.println("| retrained from scratch (" + retrainEpochs + " epochs, Adam 1e-3, batch 64) | test acc % | seconds |");
        System.out.println("|---|---|---|");
        double[] retrained = new double[2];
        long tr = System.nanoTime();
        double cr = cpu();
        Scored[] best = {ctrl, randB};
        for (int i = 0; i < 2; i++) {
            Scored s = best[i];
            long t = System.nanoTime();
            retrained[i] = 100 * retrain(s.best, in, hidden, classes, nodes, train, test, retrainEpochs, seed + 3);
            System.out.printf(Locale.ROOT, "| best of %s: %s | %.2f | %.1f |%n", s.label, s.best.format(), retrained[i],
                    (System.nanoTime() - t) / 1e9);
        }
        return new Run(seed, SearchBaselines.mean(ctrl.acc), max(ctrl.acc), SearchBaselines.mean(randA.acc),
                SearchBaselines.mean(randB.acc), max(randB.acc), ctrl.distinct, retrained[0], retrained[1], secondsA, cpuA,
                secondsB, cpuB, (System.nanoTime() - tr) / 1e9, cpu() - cr);
    }

    private static double max(double[] x) {
        return Arrays.stream(x).max().orElse(Double.NaN);
    }

    private record Scored(String label, double[] acc, int distinct, EnasCell best) {
        String row() {
            double[] s = acc.clone();
            Arrays.sort(s);
            return String.format(Locale.ROOT, "| %s | %.2f ± %.2f | %.2f | %.2f | %d | %s |", label, SearchBaselines.mean(acc),
                    SearchBaselines.sd(acc), s[s.length / 2], s[s.length - 1], distinct, best.format());
        }
    }

    private static Scored score(String label, EnasSupernet net, Dataset val, int n, Supplier<EnasCell> children) {
        double[] acc = new double[n];
        java.util.Set<EnasCell> seen = new java.util.HashSet<>();
        EnasCell best = null;
        double bestAcc = -1;
        for (int i = 0; i < n; i++) {
            EnasCell c = children.get();
            seen.add(c);
            acc[i] = 100 * accuracy(net, c, val);
            if (acc[i] > bestAcc) {
                bestAcc = acc[i];
                best = c;
            }
        }
        return new Scored(label, acc, seen.size(), best);
    }

    private static double retrain(EnasCell cell, int in, int hidden, int classes, int nodes, Dataset train, Dataset test,
            int epochs, long seed) {
        EnasSupernet net = new EnasSupernet(in, hidden, classes, nodes, new SplittableRandom(seed));
        Adam opt = new Adam(net.parameters(), Adam.Settings.of(1e-3));
        SplittableRandom rng = new SplittableRandom(seed);
        for (int e = 0; e < epochs; e++) {
            for (int s = 0; s < train.size() / BATCH; s++) {
                step(net, opt, cell, train, rng);
            }
        }
        return accuracy(net, cell, test);
    }

    private static void step(EnasSupernet net, Adam opt, EnasCell child, Dataset train, SplittableRandom rng) {
        EnasTraining.step(net, opt, child, train, BATCH, rng);
    }

    private static Dataset batch(Dataset d, int n, SplittableRandom rng) {
        return EnasTraining.batch(d, n, rng);
    }

    static double accuracy(EnasSupernet net, EnasCell child, Dataset d) {
        return EnasTraining.accuracy(net, child, d);
    }
}
