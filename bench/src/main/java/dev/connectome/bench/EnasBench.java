package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Losses;
import dev.connectome.engine.optim.Adam;
import dev.connectome.nas.cell.EnasCell;
import dev.connectome.nas.cell.EnasCellSpace;
import dev.connectome.nas.cell.EnasSupernet;
import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import dev.connectome.nas.search.reinforce.ReinforceStrategy;
import java.nio.file.Path;
import java.util.Arrays;
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
 * [hidden=64] [nodes=5] [samples=200] [retrainEpochs=3] [seed=1]}
 */
public final class EnasBench {
    private static final int BATCH = 64;

    private EnasBench() {
    }

    public static void main(String[] args) {
        Path data = Path.of(System.getenv().getOrDefault("CONNECTOME_DATA", "../shared/data"));
        int epochs = 10, sharedSteps = 200, controllerSteps = 50, hidden = 64, nodes = 5, samples = 200, retrainEpochs = 3;
        long seed = 1;
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
                case "seed" -> seed = Long.parseLong(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        Dataset full = DataSets.load(data, "fashion-mnist", true).shuffled(new SplittableRandom(seed));
        Dataset train = full.slice(0, full.size() - 10_000);
        Dataset val = full.slice(full.size() - 10_000, full.size());
        Dataset test = DataSets.load(data, "fashion-mnist", false);
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
        t0 = System.nanoTime();
        Adam optB = new Adam(withRandom.parameters(), Adam.Settings.of(1e-3));
        for (int e = 0; e < epochs; e++) {
            for (int s = 0; s < sharedSteps; s++) {
                step(withRandom, optB, space.sample(rng), train, rng);
            }
        }
        double secondsB = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "search: controller supernet %.1f s (%d controller updates), random supernet %.1f s%n%n",
                secondsA, controller.updates(), secondsB);

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
        for (Scored s : new Scored[] {ctrl, randB}) {
            long t = System.nanoTime();
            double acc = retrain(s.best, in, hidden, classes, nodes, train, test, retrainEpochs, seed + 3);
            System.out.printf(Locale.ROOT, "| best of %s: %s | %.2f | %.1f |%n", s.label, s.best.format(), 100 * acc,
                    (System.nanoTime() - t) / 1e9);
        }
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
        Dataset b = batch(train, BATCH, rng);
        Tape tape = Tape.training(Parallelism.single());
        Tensor loss = Losses.softmaxCrossEntropy(tape, net.logits(tape, Tensor.of(b.features(), b.size(), b.sampleSize()), child),
                b.labels());
        opt.zeroGrad();
        tape.backward(loss);
        opt.step();
        tape.reset();
    }

    private static Dataset batch(Dataset d, int n, SplittableRandom rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(d.size());
        }
        return d.subset(idx);
    }

    /** Accuracy of the child on all of {@code d}, in chunks of 1000. */
    static double accuracy(EnasSupernet net, EnasCell child, Dataset d) {
        Tape tape = Tape.inference(Parallelism.single());
        int correct = 0;
        for (int from = 0; from < d.size(); from += 1000) {
            Dataset c = d.slice(from, Math.min(d.size(), from + 1000));
            Tensor logits = net.logits(tape, Tensor.of(c.features(), c.size(), c.sampleSize()), child);
            int k = logits.dim(1);
            for (int i = 0; i < c.size(); i++) {
                int arg = 0;
                for (int j = 1; j < k; j++) {
                    if (logits.data()[i * k + j] > logits.data()[i * k + arg]) {
                        arg = j;
                    }
                }
                correct += arg == c.label(i) ? 1 : 0;
            }
            tape.reset();
        }
        return correct / (double) d.size();
    }
}
