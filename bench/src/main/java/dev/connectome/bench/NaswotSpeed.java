package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.nas.data.ImageBatches;
import dev.connectome.nas.score.NaswotScore;
import dev.connectome.nas.score.Nb201CellScorer;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Time to NASWOT-score a fixed set of NB201 cells (issue 7's speed goal: 100 cells, C = 16, N = 5,
 * batch 128, 2 cores, &lt; 30 s). The cells are the first {@code count} of the seeded permutation of
 * {@link ZeroCostBench} (so scores can be checked against its cache file), scored {@code workers}
 * at a time, one cell per single-threaded worker. Prints the wall time, the summed CPU time of the
 * worker threads (ThreadMXBean), the load average, and, when a reference CSV
 * ({@code score,nb201_index,value,...}) is given, the largest difference to its values.
 *
 * <p>Usage: {@code NaswotSpeed DATA_DIR DATASET COUNT WORKERS MODE[,MODE..] [REFERENCE.csv] [rounds=1] [seed=1]}
 * with MODE {@code fast} (the NB201 inference pass) or {@code tape} (the generic tape path), or the
 * single mode {@code list}, which prints the cells' architecture strings (for {@code peers/naswot_torch.py}).
 */
public final class NaswotSpeed {
    private NaswotSpeed() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: NaswotSpeed DATA_DIR DATASET COUNT WORKERS MODES [REFERENCE.csv] [rounds] [seed]");
            System.exit(2);
        }
        Path dataDir = Path.of(args[0]);
        String dataset = args[1];
        int count = Integer.parseInt(args[2]);
        int workers = Integer.parseInt(args[3]);
        String[] modes = args[4].split(",");
        Map<Integer, Double> reference = args.length > 5 && !args[5].equals("-") ? readReference(Path.of(args[5]))
                : Map.of();
        int rounds = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        long seed = args.length > 7 ? Long.parseLong(args[7]) : 1;

        ImageBatches.Batch batch = ImageBatches.load(dataDir, dataset, ImageBatches.DEFAULT_SIZE, seed);
        System.out.println("batch: " + batch.source());
        int[] indices = ZeroCostBench.sampleIndices(count, seed);
        Nb201Table table = Nb201Table.get();
        List<Nb201Cell> cells = new ArrayList<>();
        for (int i : indices) {
            cells.add(table.cell(i));
        }
        if (modes[0].equals("list")) { // the architecture strings, one a line (input of peers/naswot_torch.py)
            cells.forEach(c -> System.out.println(c.format()));
            return;
        }
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < rounds; r++) {
            for (String mode : modes) {
                double load0 = os.getSystemLoadAverage();
                Result res = run(cells, batch, workers, seed, mode);
                double maxDiff = 0, maxRel = 0;
                int checked = 0;
                for (int k = 0; k < cells.size(); k++) {
                    Double ref = reference.get(indices[k]);
                    if (ref != null && Double.isFinite(ref)) {
                        double d = Math.abs(ref - res.values[k]);
                        maxDiff = Math.max(maxDiff, d);
                        maxRel = Math.max(maxRel, d / Math.abs(ref));
                        checked++;
                    }
                }
                System.out.printf(Locale.ROOT,
                        "round=%d mode=%s cells=%d workers=%d wall_s=%.2f cpu_s=%.2f cpu_per_cell_ms=%.1f "
                                + "load_before=%.2f load_after=%.2f checked=%d max_abs_diff=%.3g max_rel_diff=%.3g%n",
                        r, mode, cells.size(), workers, res.wallNs / 1e9, res.cpuNs / 1e9,
                        res.cpuNs / 1e6 / cells.size(), load0, os.getSystemLoadAverage(), checked, maxDiff, maxRel);
            }
        }
    }

    private record Result(double[] values, long wallNs, long cpuNs) {
    }

    private static Result run(List<Nb201Cell> cells, ImageBatches.Batch batch, int workers, long seed, String mode)
            throws Exception {
        boolean fast = switch (mode) {
            case "fast" -> true;
            case "tape" -> false;
            default -> throw new IllegalArgumentException("unknown mode " + mode + " (fast, tape)");
        };
        double[] values = new double[cells.size()];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long t0 = System.nanoTime();
        List<Future<Long>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            futures.add(pool.submit(() -> {
                long c0 = mx.getCurrentThreadCpuTime();
                NaswotScore score = new NaswotScore(fast);
                Nb201CellScorer scorer = new Nb201CellScorer(score, batch, 16, 5, seed, Parallelism.single());
                for (int k; (k = next.getAndIncrement()) < cells.size(); ) {
                    values[k] = scorer.score(cells.get(k));
                }
                return mx.getCurrentThreadCpuTime() - c0;
            }));
        }
        long cpu = 0;
        for (Future<Long> f : futures) {
            cpu += f.get();
        }
        long wall = System.nanoTime() - t0;
        pool.shutdown();
        return new Result(values, wall, cpu);
    }

    private static Map<Integer, Double> readReference(Path csv) throws Exception {
        Map<Integer, Double> m = new HashMap<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (f.length >= 3 && f[0].equals("naswot")) {
                m.put(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
            }
        }
        return m;
    }
}
