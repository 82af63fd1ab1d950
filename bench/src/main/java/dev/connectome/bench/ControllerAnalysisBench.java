package dev.connectome.bench;

import dev.connectome.nas.analysis.ControllerAnalysis.SimilarityCorrelation;
import dev.connectome.nas.analysis.ControllerComparison;
import dev.connectome.nas.analysis.ControllerSimilarity;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.search.reinforce.Controller;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import dev.connectome.nas.search.reinforce.MemorySettings;
import dev.connectome.nas.search.reinforce.ReinforceStrategy;
import dev.connectome.nas.study.Seeds;
import java.util.LinkedHashMap;
import java.util.Locale;

/**
 * Seed 002's controller analysis on the NB201 table: an ENAS-style controller (one head shared by the
 * six op decisions) trained by REINFORCE for {@code epochs} × {@code perEpoch} children, with and
 * without the architecture-memory regulariser (seed numbers: buffer from epoch 5, 1000 per epoch, 10,000
 * max, replace 100; L_sup on 100 buffered cells from epoch 10), and the untrained controller. Prints the
 * score distributions of 1000 samples, the hidden-state spread over 100 samples, and the Spearman table.
 *
 * <p>Usage: {@code ControllerAnalysisBench [epochs=20] [perEpoch=100] [lr=0.003] [seed=1] [shared=true]
 * [temperature=1] [tanh=0] [entropy=1e-4]} (ENAS: temperature=5 tanh=2.5)
 */
public final class ControllerAnalysisBench {
    private ControllerAnalysisBench() {
    }

    public static void main(String[] args) {
        int epochs = 20, perEpoch = 100;
        double lr = 0.003;
        long seed = 1;
        boolean shared = true;
        double temperature = 1, tanh = 0, entropy = 1e-4;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "epochs" -> epochs = Integer.parseInt(kv[1]);
                case "perEpoch" -> perEpoch = Integer.parseInt(kv[1]);
                case "lr" -> lr = Double.parseDouble(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "shared" -> shared = Boolean.parseBoolean(kv[1]);
                case "temperature" -> temperature = Double.parseDouble(kv[1]);
                case "tanh" -> tanh = Double.parseDouble(kv[1]);
                case "entropy" -> entropy = Double.parseDouble(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        Nb201Table table = Nb201Table.get();
        Nb201Space space = new Nb201Space();
        ControllerSettings base = ControllerSettings.defaults(seed).withLearningRate(lr).withSharedHeads(shared)
                .withLogitShaping(temperature, tanh).withEntropy(entropy);
        System.out.println("controller: " + base);
        LinkedHashMap<String, Controller> controllers = new LinkedHashMap<>();
        ReinforceStrategy<?> plain = null;
        for (boolean memory : new boolean[] {false, true}) {
            ControllerSettings cs = memory ? base.withMemory(MemorySettings.seed002(perEpoch)) : base;
            ReinforceStrategy<dev.connectome.nas.cell.Nb201Cell> s = new ReinforceStrategy<>(space, cs);
            long t0 = System.nanoTime();
            int children = epochs * perEpoch;
            for (int n = 0; n < children; n++) {
                var cell = s.ask(Seeds.trial(seed, n));
                s.tell(cell, Evaluation.complete(table.accuracy(cell, Nb201Dataset.CIFAR10)));
            }
            System.out.printf(Locale.ROOT, "trained %s: %d children in %.1f s, memory buffer %d%n",
                    memory ? "with regulariser" : "plain", children, (System.nanoTime() - t0) / 1e9, s.memorySize());
            if (!memory) {
                plain = s;
            }
            controllers.put(memory ? "trained + memory regulariser" : "trained", s.controller());
        }
        LinkedHashMap<String, Controller> all = new LinkedHashMap<>();
        all.put("untrained", plain.untrainedController());
        all.putAll(controllers);
        long t0 = System.nanoTime();
        ControllerComparison c = ControllerComparison.run(all,
                t -> table.accuracy(space.tokens().decode(t), Nb201Dataset.CIFAR10), ControllerSimilarity.nb201(),
                1000, 100, 200, seed);
        System.out.printf(Locale.ROOT, "analysis in %.1f s%n%n", (System.nanoTime() - t0) / 1e9);
        System.out.println("| controller | 1000 samples: mean ± sd C10 test | median | 90th pct | max | distinct cells | hidden-state mean unit sd (100 samples) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (ControllerComparison.Entry e : c.entries()) {
            var s = e.scores();
            System.out.printf(Locale.ROOT, "| %s | %.2f ± %.2f | %.2f | %.2f | %.2f | %d | %.4f |%n", e.label(), s.mean(), s.sd(),
                    s.quantile(0.5), s.quantile(0.9), s.max(), s.unique(), e.states().meanUnitSd());
        }
        System.out.println();
        StringBuilder head = new StringBuilder("| controller |");
        StringBuilder rule = new StringBuilder("|---|");
        for (SimilarityCorrelation sc : c.entries().get(0).correlations()) {
            head.append(' ').append(sc.measure()).append(" |");
            rule.append("---|");
        }
        System.out.println(head);
        System.out.println(rule);
        for (ControllerComparison.Entry e : c.entries()) {
            StringBuilder row = new StringBuilder("| " + e.label() + " |");
            for (SimilarityCorrelation sc : e.correlations()) {
                row.append(String.format(Locale.ROOT, " %.3f [%.3f, %.3f] |", sc.rho(), sc.low(), sc.high()));
            }
            System.out.println(row);
        }
    }
}
