package dev.connectome.bench;

import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Search;
import dev.connectome.nas.cell.Nb201SearchSettings;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.study.sql.TrialStores;
import java.util.Locale;

/**
 * Random search and regularized evolution (P=10, S=3, the NATS-Bench REA defaults) on the NAS-Bench-201
 * table: {@code runs} independent studies each (seeds 0..runs-1), {@code budget} table queries per study,
 * objective = CIFAR-10 test accuracy. Prints mean ± sd of the best test accuracy found, next to the NASWOT
 * paper's Table 2(a) rows, as a Markdown table. Every run goes through the real {@code Study} loop on an
 * in-memory store.
 *
 * <p>With {@code storage=URL} it also times {@code storeRuns} studies on that store (SQLite file or
 * PostgreSQL URL) and prints the store's overhead per trial against the in-memory store.
 *
 * <p>Usage: {@code java -cp ... dev.connectome.bench.SearchBaselines [runs=500] [budget=100] [storage=URL] [storeRuns=3]}
 */
public final class SearchBaselines {

    private SearchBaselines() {
    }

    public static void main(String[] args) {
        int runs = 500;
        int budget = 100;
        String storage = null;
        int storeRuns = 3;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "runs" -> runs = Integer.parseInt(kv[1]);
                case "budget" -> budget = Integer.parseInt(kv[1]);
                case "storage" -> storage = kv[1];
                case "storeRuns" -> storeRuns = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument '" + a + "' (runs=, budget=, storage=, storeRuns=)");
            }
        }
        Nb201Table.get(); // load the table before timing
        System.out.printf(Locale.ROOT, "NB201 CIFAR-10, %d runs x %d queries per strategy, selection and report by the table's test accuracy%n%n",
                runs, budget);
        System.out.println("| method | this run: C10 test (mean ± sd) | min | max | NASWOT paper C10 test | NASWOT paper C10 val | ms per study |");
        System.out.println("|---|---|---|---|---|---|---|");
        double memoryMsPerTrial = 0;
        for (String strategy : new String[] {"random", "evolution"}) {
            double[] best = new double[runs];
            long t0 = System.nanoTime();
            for (int seed = 0; seed < runs; seed++) {
                try (InMemoryTrialStore store = new InMemoryTrialStore(); ThreadExecutor one = ThreadExecutor.of(1)) {
                    best[seed] = bestTest(runOnce(store, strategy, budget, seed));
                }
            }
            double ms = (System.nanoTime() - t0) / 1e6 / runs;
            if (strategy.equals("evolution")) {
                memoryMsPerTrial = ms / budget; // the store runs below use evolution too
            }
            String paper = strategy.equals("random") ? "| 93.70 ± 0.36 | 90.93 ± 0.36 |" : "| 93.92 ± 0.30 | 91.19 ± 0.31 |";
            System.out.printf(Locale.ROOT, "| %s | %.2f ± %.2f | %.2f | %.2f %s %.2f |%n",
                    strategy.equals("random") ? "RS" : "REA (P=10, S=3)", mean(best), sd(best), min(best), max(best), paper, ms);
        }
        System.out.printf(Locale.ROOT, "%nTable optimum: %.3f (index 6111).%n", Nb201Table.get().accuracy(6111, Nb201Dataset.CIFAR10));
        if (storage != null) {
            try (TrialStore store = TrialStores.open(storage)) {
                long t0 = System.nanoTime();
                String prefix = "bench-" + Long.toHexString(System.nanoTime());
                for (int r = 0; r < storeRuns; r++) {
                    try (ThreadExecutor one = ThreadExecutor.of(1)) {
                        Nb201Search.builder(prefix + "-" + r, Nb201SearchSettings.of("evolution", budget, r), store, one).build().run();
                    }
                }
                double perTrial = (System.nanoTime() - t0) / 1e6 / storeRuns / budget;
                for (int r = 0; r < storeRuns; r++) {
                    store.deleteStudy(prefix + "-" + r);
                }
                System.out.printf(Locale.ROOT, "Store %s: %.2f ms per trial (%d studies x %d trials), in-memory %.3f ms: overhead %.2f ms per trial%n",
                        storage.replaceAll("password=[^&]*", "password=***"), perTrial, storeRuns, budget, memoryMsPerTrial,
                        perTrial - memoryMsPerTrial);
            }
        }
    }

    private static StudyResult runOnce(TrialStore store, String strategy, int budget, long seed) {
        try (ThreadExecutor one = ThreadExecutor.of(1)) {
            return Nb201Search.builder("run", Nb201SearchSettings.of(strategy, budget, seed), store, one).build().run();
        }
    }

    private static double bestTest(StudyResult r) {
        TrialRecord best = r.best().orElseThrow();
        return best.metrics().get("cifar10_test_accuracy");
    }

    static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** Population standard deviation (numpy's default, as in the NASWOT scripts). */
    static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / x.length);
    }

    static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }

    static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

}
