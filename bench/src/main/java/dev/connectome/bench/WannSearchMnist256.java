package dev.connectome.bench;

import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.study.sql.TrialStores;
import dev.connectome.nas.wann.ClassificationWannTask;
import dev.connectome.nas.wann.ConnectionWeights;
import dev.connectome.nas.wann.WannSearch;
import dev.connectome.nas.wann.WannSearchSettings;
import dev.connectome.nas.wann.WannSettings;
import dev.connectome.nas.wann.WannTasks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A WANN search on MNIST256 within a wall-time budget (the mnist256 preset with a smaller population),
 * through the real study loop on SQLite, then the champion's test accuracy on the 10,000 MNIST256 test
 * images: at shared weights drawn from U(−2, 2) ("random weight", mean ± sd), the majority vote of the
 * six standard weights ("ensemble"), and the single shared weight in (−2, 2) with the best accuracy on
 * 10,000 training images ("tuned shared weight"), next to the paper's 82.0 / 91.6 / 91.9%.
 *
 * <p>Usage: {@code java -cp ... dev.connectome.bench.WannSearchMnist256 data=DIR [population=128] [minutes=20]
 * [workers=2] [seed=1] [store=PATH|memory] [out=mnist256-champion.out]}; {@code store=memory} runs the same
 * study loop on the in-memory store (nothing kept, no SQL cost per trial).
 */
public final class WannSearchMnist256 {

    private WannSearchMnist256() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of("../shared/data");
        int population = 128;
        double minutes = 20;
        int workers = 2;
        long seed = 1;
        String storePath = null;
        Path out = Path.of("mnist256-champion.out");
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "data" -> data = Path.of(kv[1]);
                case "population" -> population = Integer.parseInt(kv[1]);
                case "minutes" -> minutes = Double.parseDouble(kv[1]);
                case "workers" -> workers = Integer.parseInt(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "store" -> storePath = kv[1];
                case "out" -> out = Path.of(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument '" + a
                        + "' (data=, population=, minutes=, workers=, seed=, store=, out=)");
            }
        }
        long t0 = System.nanoTime();
        ClassificationWannTask task = (ClassificationWannTask) WannTasks.get("mnist256").create().apply(data);
        Dataset test = WannTasks.mnist256Test(data, "mnist256");
        System.out.printf(Locale.ROOT, "MNIST256 loaded and preprocessed in %.1f s (%d train, %d test)%n",
                (System.nanoTime() - t0) / 1e9, task.train().size(), test.size());
        WannSettings w = WannSettings.mnist256().withPopulation(population);
        WannSearchSettings s = new WannSearchSettings("mnist256", "mnist256", w, seed, workers, minutes * 60, null);
        boolean memory = "memory".equals(storePath);
        Path db = storePath != null ? Path.of(storePath) : Files.createTempFile("wann-mnist", ".db");
        if (storePath == null) {
            Files.delete(db);
        }
        System.out.printf(Locale.ROOT, "WANN MNIST256 search: %s, seed %d, %d workers, %.0f min budget, store %s%n", w, seed,
                workers, minutes, memory ? "in memory" : db);
        String study = "wann-mnist256-" + seed;
        long start = System.nanoTime();
        NeuronGraph champ;
        TrialRecord best;
        int generations;
        try (TrialStore store = memory ? new InMemoryTrialStore() : TrialStores.open(db.toString()); ThreadExecutor ex = ThreadExecutor.of(workers)) {
            int p = w.populationSize();
            StudyResult r = WannSearch.builder(study, s, task, task.train().sha256(), store, ex).listener((t, b) -> {
                if (t.number() % p == p - 1) {
                    System.out.printf(Locale.ROOT, "gen %4d: best so far mean %.4f (trial %d, %s connections), %.0f s%n",
                            t.number() / p, b.map(TrialRecord::value).orElse(Double.NaN), b.map(TrialRecord::number).orElse(-1),
                            b.map(x -> String.valueOf(x.metrics().get("connections").intValue())).orElse("?"),
                            (System.nanoTime() - start) / 1e9);
                }
            }).build().run();
            best = r.best().orElseThrow();
            generations = r.complete() / p;
            champ = WannSearch.space(WannTasks.get("mnist256"), w).parse(best.architecture()).graph();
        }
        double searchSeconds = (System.nanoTime() - start) / 1e9;
        WannOutFormat.write(champ, out);
        System.out.printf(Locale.ROOT, "search: %d genome evaluations in %.1f s = %.1f genomes/s%n", generations * w.populationSize(),
                searchSeconds, generations * w.populationSize() / searchSeconds);
        GraphNet net = GraphNet.compile(champ);
        ClassificationWannTask.Prepared testSet = ClassificationWannTask.Prepared.of(test);
        SplittableRandom rng = new SplittableRandom(seed);
        int draws = 20;
        double[] accs = new double[draws];
        for (int i = 0; i < draws; i++) {
            accs[i] = ClassificationWannTask.accuracy(net, new ConnectionWeights.Shared((float) rng.nextDouble(-2, 2)), testSet);
        }
        double mean = java.util.Arrays.stream(accs).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(accs).map(a -> (a - mean) * (a - mean)).sum() / (draws - 1));
        double ensemble = ClassificationWannTask.ensembleAccuracy(net, ConnectionWeights.shared(WannSettings.STANDARD_WEIGHTS), testSet);
        ClassificationWannTask.Prepared tune = ClassificationWannTask.Prepared.of(task.train().slice(0, 10_000));
        double bestW = Double.NaN;
        double bestTrain = -1;
        for (int k = -39; k <= 39; k++) {
            double wv = k * 0.05;
            if (wv == 0) {
                continue;
            }
            double acc = ClassificationWannTask.accuracy(net, new ConnectionWeights.Shared((float) wv), tune);
            if (acc > bestTrain) {
                bestTrain = acc;
                bestW = wv;
            }
        }
        double tuned = ClassificationWannTask.accuracy(net, new ConnectionWeights.Shared((float) bestW), testSet);
        System.out.println();
        System.out.println("| search | generations | trials | wall time | champion connections | hidden | random weight (U(-2,2), 20 draws) "
                + "| ensemble (6 weights) | tuned shared weight |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| this run (P=%d, mnist256 preset otherwise) | %d | %d | %.0f s | %d | %d | %.1f%% ± %.1f | %.1f%% | "
                        + "%.1f%% (w=%.2f, chosen on 10k training images) |%n", population, generations, generations * population,
                searchSeconds, champ.enabledConnectionCount(), champ.hiddenCount(), 100 * mean, 100 * sd, 100 * ensemble, 100 * tuned,
                bestW);
        System.out.println("| paper (P=960, 4096 generations) | 4096 | 3,932,160 | — | 1849 | — | 82.0% ± 18.7 | 91.6% | 91.9% |");
        System.out.printf(Locale.ROOT, "champion trial %d: training fitness (−CE) %.4f; written to %s%n", best.number(), best.value(),
                out.toAbsolutePath());
    }
}
