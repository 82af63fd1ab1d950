package dev.connectome.bench;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.nas.cell.Nb201TableEvaluator;
import dev.connectome.nas.search.RandomSearch;
import dev.connectome.nas.search.RegularizedEvolution;
import dev.connectome.nas.search.Strategy;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import dev.connectome.nas.search.reinforce.ReinforceStrategy;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

/**
 * REINFORCE (LSTM controller) against random search and regularized evolution on the NAS-Bench-201
 * table, at the same query budget: {@code runs} studies per method (seeds 0..runs-1), each through the
 * real {@code Study} loop on an in-memory store, objective = CIFAR-10 test accuracy. First a small
 * learning-rate sweep for REINFORCE on separate seeds (10,000+), so the reported runs do not tune on
 * themselves. Prints Markdown rows with mean ± sd of the best test accuracy found, next to the NASWOT
 * paper's Table 2(a), and the wall time per study.
 *
 * <p>Usage: {@code ReinforceBaselines [runs=500] [budget=100] [sweepRuns=100] [lrs=0.003,0.01,0.03,0.1]}
 */
public final class ReinforceBaselines {

    private ReinforceBaselines() {
    }

    public static void main(String[] args) {
        int runs = 500, budget = 100, sweepRuns = 100;
        double[] lrs = {0.003, 0.01, 0.03, 0.1};
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "runs" -> runs = Integer.parseInt(kv[1]);
                case "budget" -> budget = Integer.parseInt(kv[1]);
                case "sweepRuns" -> sweepRuns = Integer.parseInt(kv[1]);
                case "lrs" -> lrs = java.util.Arrays.stream(kv[1].split(",")).mapToDouble(Double::parseDouble).toArray();
                default -> throw new IllegalArgumentException("unknown argument '" + a + "' (runs=, budget=, sweepRuns=, lrs=)");
            }
        }
        Nb201Table.get();
        Nb201Space space = new Nb201Space();
        System.out.printf(Locale.ROOT, "NB201 CIFAR-10, %d queries per study; selection and report by the table's test accuracy%n%n", budget);
        System.out.println("REINFORCE learning-rate sweep (" + sweepRuns + " studies each, seeds 10000+):");
        double bestLr = lrs[0], bestMean = -1;
        for (double lr : lrs) {
            double[] r = runMany(sweepRuns, 10_000, budget, seed -> reinforce(space, lr, seed));
            System.out.printf(Locale.ROOT, "  lr=%s: %.2f ± %.2f%n", lr, SearchBaselines.mean(r), SearchBaselines.sd(r));
            if (SearchBaselines.mean(r) > bestMean) {
                bestMean = SearchBaselines.mean(r);
                bestLr = lr;
            }
        }
        double lr = bestLr;
        System.out.printf(Locale.ROOT, "chosen lr=%s%n%n", lr);
        System.out.println("| method | this run: C10 test (mean ± sd) | min | max | NASWOT paper C10 test | ms per study |");
        System.out.println("|---|---|---|---|---|---|");
        List<Object[]> methods = new ArrayList<>();
        methods.add(new Object[] {"RS", (LongFunction<Strategy<Nb201Cell>>) seed -> new RandomSearch<>(space), "93.70 ± 0.36"});
        methods.add(new Object[] {"REA (P=10, S=3)", (LongFunction<Strategy<Nb201Cell>>) seed ->
                new RegularizedEvolution<>(space, 10, 3, Direction.MAXIMIZE), "93.92 ± 0.30"});
        methods.add(new Object[] {String.format(Locale.ROOT, "REINFORCE (lr %s, EMA 0.9, entropy 1e-4)", lr),
                (LongFunction<Strategy<Nb201Cell>>) seed -> reinforce(space, lr, seed), "93.85 ± 0.37"});
        for (Object[] m : methods) {
            @SuppressWarnings("unchecked")
            LongFunction<Strategy<Nb201Cell>> make = (LongFunction<Strategy<Nb201Cell>>) m[1];
            long t0 = System.nanoTime();
            double[] best = runMany(runs, 0, budget, make);
            double ms = (System.nanoTime() - t0) / 1e6 / runs;
            System.out.printf(Locale.ROOT, "| %s | %.2f ± %.2f | %.2f | %.2f | %s | %.1f |%n", m[0], SearchBaselines.mean(best),
                    SearchBaselines.sd(best), SearchBaselines.min(best), SearchBaselines.max(best), m[2], ms);
        }
    }

    static Strategy<Nb201Cell> reinforce(Nb201Space space, double lr, long seed) {
        return new ReinforceStrategy<>(space, ControllerSettings.defaults(seed).withLearningRate(lr));
    }

    /** Best test accuracy of {@code runs} studies with seeds from {@code firstSeed}. */
    static double[] runMany(int runs, long firstSeed, int budget, LongFunction<Strategy<Nb201Cell>> make) {
        double[] best = new double[runs];
        for (int r = 0; r < runs; r++) {
            long seed = firstSeed + r;
            try (InMemoryTrialStore store = new InMemoryTrialStore(); ThreadExecutor one = ThreadExecutor.of(1)) {
                TrialRecord b = Study.builder(new Nb201Space(), make.apply(seed), new Nb201TableEvaluator(Nb201Dataset.CIFAR10), store)
                        .name("run").seed(seed).direction(Direction.MAXIMIZE).executor(one).batchSize(1).trials(budget)
                        .build().run().best().orElseThrow();
                best[r] = b.metrics().get("cifar10_test_accuracy");
            }
        }
        return best;
    }
}
