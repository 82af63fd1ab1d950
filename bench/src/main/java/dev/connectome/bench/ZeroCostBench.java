package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.nas.data.ImageBatches;
import dev.connectome.nas.score.Nb201CellScorer;
import dev.connectome.nas.score.ZeroCostScore;
import dev.connectome.nas.score.ZeroCostScores;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scores NB201 cells with zero-cost scores (C = 16, N = 5, a fixed batch) and appends one CSV line
 * per (score, cell) to a cache file, so an interrupted run continues where it stopped and
 * {@link NaswotBench} can analyse the cells scored so far:
 * {@code score,nb201_index,value,wall_ms,cpu_ms,threads}. Cells are the first {@code count} of a
 * seeded permutation of all 15,625 NB201 indices (a uniform sample without replacement); cells are
 * scored in that order, {@code workers} at a time, each worker single-threaded.
 *
 * <p>Usage: {@code ZeroCostBench DATA_DIR DATASET COUNT SCORES CACHE.csv [workers=2] [batch=128] [seed=1]},
 * e.g. {@code ZeroCostBench ../shared/data auto 1000 naswot bench/results/zero-cost-cache.csv}.
 */
public final class ZeroCostBench {
    private ZeroCostBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ZeroCostBench DATA_DIR DATASET COUNT SCORES CACHE.csv [workers] [batch] [seed]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        String dataset = args[1];
        int count = Integer.parseInt(args[2]);
        List<ZeroCostScore> scores = ZeroCostScores.parseList(args[3]);
        Path cache = Path.of(args[4]);
        int workers = args.length > 5 ? Integer.parseInt(args[5]) : 2;
        int batchSize = args.length > 6 ? Integer.parseInt(args[6]) : ImageBatches.DEFAULT_SIZE;
        long seed = args.length > 7 ? Long.parseLong(args[7]) : 1;

        ImageBatches.Batch batch = ImageBatches.load(dataDir, dataset, batchSize, seed);
        System.out.println("batch: " + batch.source());
        int[] cells = sampleIndices(count, seed);
        Set<String> done = new HashSet<>();
        if (Files.exists(cache)) {
            for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
                String[] f = line.split(",");
                if (f.length >= 3 && !f[0].equals("score")) {
                    done.add(f[0] + "," + f[1]);
                }
            }
        } else {
            Files.writeString(cache, "score,nb201_index,value,wall_ms,cpu_ms,threads\n", StandardCharsets.UTF_8);
        }
        Nb201Table table = Nb201Table.get();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (ZeroCostScore score : scores) {
            Nb201CellScorer[] scorers = new Nb201CellScorer[workers];
            for (int w = 0; w < workers; w++) {
                scorers[w] = new Nb201CellScorer(score, batch, 16, 5, seed, Parallelism.single());
            }
            List<Integer> todo = new ArrayList<>();
            for (int index : cells) {
                if (!done.contains(score.id() + "," + index)) {
                    todo.add(index);
                }
            }
            AtomicInteger next = new AtomicInteger();
            long t0 = System.nanoTime();
            try (BufferedWriter out = Files.newBufferedWriter(cache, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
                ExecutorService pool = Executors.newFixedThreadPool(workers);
                List<Future<?>> futures = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    Nb201CellScorer scorer = scorers[w];
                    futures.add(pool.submit(() -> {
                        for (int k; (k = next.getAndIncrement()) < todo.size(); ) {
                            int index = todo.get(k);
                            Nb201Cell cell = table.cell(index);
                            long c0 = mx.getCurrentThreadCpuTime();
                            long w0 = System.nanoTime();
                            double v = scorer.score(cell);
                            double wall = (System.nanoTime() - w0) / 1e6;
                            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e6;
                            synchronized (out) {
                                out.write(String.format(Locale.ROOT, "%s,%d,%s,%.1f,%.1f,%d%n", score.id(), index,
                                        Double.toString(v), wall, cpu, 1));
                                out.flush();
                            }
                            if ((k + 1) % 50 == 0) {
                                System.out.printf(Locale.ROOT, "%s: %d/%d cells, %.1f s%n", score.id(), k + 1,
                                        todo.size(), (System.nanoTime() - t0) / 1e9);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                pool.shutdown();
            }
            System.out.printf(Locale.ROOT, "%s: scored %d cells in %.1f s with %d workers%n", score.id(), todo.size(),
                    (System.nanoTime() - t0) / 1e9, workers);
        }
    }

    /** The first {@code count} NB201 indices of a permutation drawn from {@code seed}. */
    static int[] sampleIndices(int count, long seed) {
        int[] p = new int[Nb201Table.SIZE];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = p.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return Arrays.copyOf(p, Math.min(count, p.length));
    }
}
