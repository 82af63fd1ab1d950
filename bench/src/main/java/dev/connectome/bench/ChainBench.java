package dev.connectome.bench;

import dev.connectome.nas.cell.LayerChain;
import dev.connectome.nas.cell.LayerChainSpace;
import dev.connectome.nas.chain.ChainEvaluator;
import dev.connectome.nas.chain.ChainTraining;
import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.search.RandomSearch;
import dev.connectome.nas.search.Strategy;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import dev.connectome.nas.search.reinforce.ReinforceStrategy;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * REINFORCE vs random search on the layer-chain space at an equal trial budget, children trained
 * briefly ({@link ChainEvaluator}). Prints per strategy and seed the best validation accuracy, the
 * mean of the last half of the trials (does the controller's sampling improve?) and the wall time.
 *
 * <p>Usage: {@code ChainBench DATA_DIR DATA [trials=20] [seeds=1] [layers=3] [train=300] [val=300] [lr=0.01]}.
 */
public final class ChainBench {
    private ChainBench() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String name = args[1];
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int layers = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        int train = args.length > 5 ? Integer.parseInt(args[5]) : 300;
        int val = args.length > 6 ? Integer.parseInt(args[6]) : 300;
        double lr = args.length > 7 ? Double.parseDouble(args[7]) : 0.01;
        Dataset data = DataSets.load(dir, name, true);
        ChainTraining t = new ChainTraining(train, val, 1, 32, 3e-3, 2);
        LayerChainSpace space = LayerChainSpace.nas(layers);
        System.out.println("| strategy | seed | best val acc % | best chain | mean of last half % | wall s | CPU s |");
        System.out.println("|---|---|---|---|---|---|---|");
        java.util.Map<String, List<double[]>> bySeed = new java.util.LinkedHashMap<>();
        for (long seed = 1; seed <= seeds; seed++) {
            for (String s : List.of("random", "reinforce")) {
                Strategy<LayerChain> strategy = s.equals("random") ? new RandomSearch<>(space)
                        : new ReinforceStrategy<>(space, ControllerSettings.defaults(seed).withLearningRate(lr));
                long t0 = System.nanoTime();
                double c0 = processCpu();
                try (InMemoryTrialStore store = new InMemoryTrialStore(); ThreadExecutor one = ThreadExecutor.of(1)) {
                    Study<LayerChain> study = Study.builder(space, strategy, new ChainEvaluator(data, t, seed), store)
                            .name(s + seed).seed(seed).direction(Direction.MAXIMIZE).executor(one).trials(trials).build();
                    TrialRecord best = study.run().best().orElseThrow();
                    List<TrialRecord> all = store.trials(s + seed);
                    double late = all.stream().filter(r -> r.number() >= trials / 2 && r.isComplete())
                            .mapToDouble(TrialRecord::value).average().orElse(Double.NaN);
                    double wall = (System.nanoTime() - t0) / 1e9, cpu = processCpu() - c0;
                    System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %s | %.2f | %.1f | %.1f |%n", s, seed, best.value(),
                            best.architecture(), late, wall, cpu);
                    bySeed.computeIfAbsent(s, k -> new java.util.ArrayList<>()).add(new double[] {best.value(), late, wall, cpu});
                }
            }
        }
        if (seeds > 1) {
            System.out.printf(Locale.ROOT, "%n| strategy (%d seeds, mean ± sd) | best val acc %% | mean of last half %% | wall s | CPU s |%n",
                    seeds);
            System.out.println("|---|---|---|---|---|");
            bySeed.forEach((s, rows) -> {
                StringBuilder b = new StringBuilder("| " + s + " |");
                for (int c = 0; c < 4; c++) {
                    int col = c;
                    double[] v = rows.stream().mapToDouble(r -> r[col]).toArray();
                    b.append(String.format(Locale.ROOT, " %.2f ± %.2f |", SearchBaselines.mean(v), SearchBaselines.sd(v)));
                }
                System.out.println(b);
            });
        }
    }

    private static double processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
