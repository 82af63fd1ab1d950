package dev.connectome.bench;

import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.study.sql.TrialStores;
import dev.connectome.nas.wann.ConnectionWeights;
import dev.connectome.nas.wann.ControlWannTask;
import dev.connectome.nas.wann.WannScore;
import dev.connectome.nas.wann.WannSearch;
import dev.connectome.nas.wann.WannSearchSettings;
import dev.connectome.nas.wann.WannSettings;
import dev.connectome.nas.wann.WannSpace;
import dev.connectome.nas.wann.WannTasks;
import dev.connectome.nas.task.control.CartPoleSwingUp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A WANN swing-up search from scratch, run through the real study loop on a SQLite store, until the
 * champion's mean reward at its best shared weight reaches a target when re-tested on fresh episodes.
 *
 * <p>After every generation the three members of that generation with the highest max-over-weights are
 * re-tested on {@code retest} fixed episodes (seeds 10^9..) at the six shared weights; the best re-tested
 * one is the champion. Prints one line per generation and a Markdown summary with the wall time, and
 * writes the champion as a WANNRelease {@code .out} file.
 *
 * <p>Usage: {@code java -cp ... dev.connectome.bench.WannSearchSwingUp [preset=laptop] [population=] [generations=]
 * [workers=2] [seed=1] [target=600] [retest=16] [store=PATH] [out=swingup-champion.out] [retestFrom=0]}
 * (retestFrom=G continues a stored search without re-testing its first G generations again)
 */
public final class WannSearchSwingUp {

    private WannSearchSwingUp() {
    }

    public static void main(String[] args) throws Exception {
        String preset = "laptop";
        Integer population = null;
        Integer generations = null;
        int workers = 2;
        long seed = 1;
        double target = 600;
        int retest = 16;
        String storePath = null;
        int retestFrom = 0;
        Path out = Path.of("swingup-champion.out");
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "preset" -> preset = kv[1];
                case "population" -> population = Integer.parseInt(kv[1]);
                case "generations" -> generations = Integer.parseInt(kv[1]);
                case "workers" -> workers = Integer.parseInt(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "target" -> target = Double.parseDouble(kv[1]);
                case "retest" -> retest = Integer.parseInt(kv[1]);
                case "store" -> storePath = kv[1];
                case "retestFrom" -> retestFrom = Integer.parseInt(kv[1]);
                case "out" -> out = Path.of(kv[1]);
                default -> throw new IllegalArgumentException("unknown argument '" + a
                        + "' (preset=, population=, generations=, workers=, seed=, target=, retest=, store=, out=, retestFrom=)");
            }
        }
        WannSettings w = WannSettings.preset(preset);
        if (population != null) {
            w = w.withPopulation(population);
        }
        if (generations != null) {
            w = w.withGenerations(generations);
        }
        WannSearchSettings s = new WannSearchSettings("swingup", preset, w, seed, workers, null, null);
        ControlWannTask task = new ControlWannTask(CartPoleSwingUp.standard());
        WannSpace space = WannSearch.space(WannTasks.get("swingup"), w);
        long[] retestSeeds = new long[retest];
        for (int i = 0; i < retest; i++) {
            retestSeeds[i] = 1_000_000_000L + i;
        }
        Path db = storePath != null ? Path.of(storePath) : Files.createTempFile("wann-swingup", ".db");
        if (storePath == null) {
            Files.delete(db);
        }
        System.out.printf(Locale.ROOT, "WANN swing-up search: preset %s, %s, seed %d, %d workers, store %s%n", preset, w, seed,
                workers, db);
        System.out.println("gen | best mean | best max | champion (re-tested, best weight) | connections | hidden | seconds");
        String study = "wann-swingup-" + seed;
        long start = System.nanoTime();
        WannScore champion = null;
        NeuronGraph championGraph = null;
        int championGen = -1;
        int gen = 0;
        try (TrialStore store = TrialStores.open(db.toString()); ThreadExecutor ex = ThreadExecutor.of(workers)) {
            for (gen = 0; gen < w.generations(); gen++) {
                StudyResult r = WannSearch.builder(study, s, task, null, store, ex).trials(w.populationSize() * (gen + 1))
                        .build().run();
                if (gen < retestFrom) {
                    continue; // generations already re-tested by an earlier run of the same store
                }
                int g = gen;
                List<TrialRecord> last = store.trials(study).stream()
                        .filter(t -> t.number() / s.wann().populationSize() == g && t.isComplete()).toList();
                double bestMean = last.stream().mapToDouble(TrialRecord::value).max().orElse(Double.NaN);
                double bestMax = last.stream().mapToDouble(t -> t.metrics().get("max")).max().orElse(Double.NaN);
                List<TrialRecord> top = last.stream()
                        .sorted(Comparator.comparingDouble((TrialRecord t) -> -t.metrics().get("max"))).limit(3).toList();
                for (TrialRecord t : top) {
                    NeuronGraph graph = space.parse(t.architecture()).graph();
                    double[][] rewards = task.rewards(graph, ConnectionWeights.shared(w.weights()), retestSeeds);
                    WannScore score = WannScore.of(w.weights(), rewards, graph.enabledConnectionCount());
                    if (champion == null || score.max() > champion.max()) {
                        champion = score;
                        championGraph = graph;
                        championGen = gen;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "%3d | %8.1f | %8.1f | %8.1f at w=%s | %d | %d | %.0f%n", gen, bestMean, bestMax,
                        champion.max(), champion.bestWeight(), champion.connections(), championGraph.hiddenCount(), seconds);
                if (champion.max() >= target) {
                    gen++;
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        WannOutFormat.write(championGraph, out);
        System.out.println();
        System.out.printf(Locale.ROOT, "| preset | population | generations run | trials | wall time | champion from gen | "
                + "champion best-weight mean (%d episodes) | mean over 6 weights | connections | hidden |%n", retest);
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.0f s | %d | %.1f at w=%s | %.1f | %d | %d |%n", preset,
                w.populationSize(), gen, gen * w.populationSize(), seconds, championGen, champion.max(), champion.bestWeight(),
                champion.mean(), champion.connections(), championGraph.hiddenCount());
        StringBuilder per = new StringBuilder("per weight:");
        for (int i = 0; i < w.weights().length; i++) {
            per.append(String.format(Locale.ROOT, " w=%s %.1f;", w.weights()[i], champion.perWeight()[i]));
        }
        System.out.println(per);
        System.out.println("champion written to " + out.toAbsolutePath());
    }
}
