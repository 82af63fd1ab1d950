package dev.connectome.bench;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.study.sql.TrialStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the trial store costs per trial: the four calls every trial makes (enqueue, claim, one
 * heartbeat, complete), timed end to end on a SQLite file and on PostgreSQL. A second figure has
 * two workers (two store instances, as two processes would) draining one study together.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar dev.connectome.bench.StoreOverhead
 * [trials=2000] [repeats=5] [storage ...]}; storages default to a temporary SQLite file and, when
 * set, {@code $CONNECTOME_TEST_PG_URL}. Prints one line per storage and figure.
 */
public final class StoreOverhead {

    private StoreOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> storages = new ArrayList<>();
        Path tmp = Files.createTempDirectory("store-overhead");
        if (args.length > 2) {
            storages.addAll(Arrays.asList(args).subList(2, args.length));
        } else {
            storages.add(tmp.resolve("connectome.db").toString());
            String pg = System.getenv("CONNECTOME_TEST_PG_URL");
            if (pg != null && !pg.isBlank()) {
                storages.add(pg);
            }
        }
        for (String storage : storages) {
            String label = storage.startsWith("jdbc:postgresql") ? "postgresql" : "sqlite";
            try (TrialStore a = TrialStores.open(storage); TrialStore b = TrialStores.open(storage)) {
                sequential(a, "warmup", trials / 4); // JIT and statement caches
                double[] one = new double[repeats];
                double[] two = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    one[r] = sequential(a, "seq-" + r, trials);
                    two[r] = parallel(List.of(a, b), "par-" + r, trials);
                }
                report(label, "1 worker ", trials, one);
                report(label, "2 workers", trials, two);
            }
        }
        try (var files = Files.list(tmp)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(tmp);
    }

    private static void report(String label, String workers, int trials, double[] msPerTrial) {
        double[] sorted = msPerTrial.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf("store=%s %s trials=%d ms_per_trial_median=%.3f min=%.3f max=%.3f%n",
                label, workers, trials, median, sorted[0], sorted[sorted.length - 1]);
    }

    private static String newStudy(TrialStore store, String tag) {
        String name = "overhead-" + tag + "-" + System.nanoTime();
        store.createStudy(new StudyInfo(name, "nb201", "random", "none", Direction.MAXIMIZE, 1L, "{}", "{}", Instant.now()));
        return name;
    }

    /** One worker: enqueue, claim, heartbeat, complete, trial after trial. Returns ms per trial. */
    private static double sequential(TrialStore store, String tag, int trials) {
        String study = newStudy(store, tag);
        long t0 = System.nanoTime();
        for (int i = 0; i < trials; i++) {
            store.enqueue(study, i, "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|", "key" + i);
            TrialRecord t = store.claim(study, "w").orElseThrow();
            store.heartbeat(study, t.number(), "w");
            store.complete(study, t.number(), Evaluation.complete(i, Map.of("valid", 0.5), 0.001));
        }
        double ms = (System.nanoTime() - t0) / 1e6 / trials;
        store.deleteStudy(study);
        return ms;
    }

    /** Trials enqueued in the loop by worker 0; every worker claims, beats and completes until done. */
    private static double parallel(List<TrialStore> stores, String tag, int trials) throws Exception {
        String study = newStudy(stores.get(0), tag);
        ExecutorService pool = Executors.newFixedThreadPool(stores.size());
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < trials; i++) {
                stores.get(0).enqueue(study, i, "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|", "key" + i);
            }
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < stores.size(); w++) {
                TrialStore s = stores.get(w);
                String worker = "w" + w;
                done.add(pool.submit(() -> {
                    int n = 0;
                    for (var t = s.claim(study, worker); t.isPresent(); t = s.claim(study, worker)) {
                        s.heartbeat(study, t.get().number(), worker);
                        s.complete(study, t.get().number(), Evaluation.complete(1.0, Map.of("valid", 0.5), 0.001));
                        n++;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            if (total != trials) {
                throw new IllegalStateException("workers finished " + total + " of " + trials + " trials");
            }
        } finally {
            pool.shutdown();
        }
        double ms = (System.nanoTime() - t0) / 1e6 / trials;
        stores.get(0).deleteStudy(study);
        return ms;
    }
}
