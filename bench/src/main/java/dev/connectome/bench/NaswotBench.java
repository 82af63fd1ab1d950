package dev.connectome.bench;

import dev.connectome.nas.analysis.Correlation;
import dev.connectome.nas.analysis.Interval;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Analyses a {@link ZeroCostBench} cache against the NB201 table: per score, Kendall τ (95%
 * bootstrap interval), Spearman ρ and Pearson r with each data set's 200-epoch test accuracy; then
 * the NASWOT search protocol of Mellor et al. (Table 2a): N cells drawn uniformly with replacement,
 * the best-scoring one chosen, its CIFAR-10 test accuracy recorded, over R runs (mean ± std), next to
 * the best of the same N by accuracy ("optimal") and a random pick. Draws come from the scored cells
 * (themselves a uniform sample of the space), so scoring stays bounded; the report says so.
 *
 * <p>Usage: {@code NaswotBench CACHE.csv [runs=500] [seed=1]}.
 */
public final class NaswotBench {
    private NaswotBench() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Map<String, List<double[]>> byScore = new LinkedHashMap<>(); // {index, value, wall, cpu}
        for (String line : Files.readAllLines(cache, StandardCharsets.UTF_8)) {
            String[] f = line.split(",");
            if (f.length < 5 || f[0].equals("score")) {
                continue;
            }
            byScore.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new double[] {Integer.parseInt(f[1]),
                    Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        Nb201Table table = Nb201Table.get();
        System.out.println("| score | cells | τ CIFAR-10 (95% CI) | ρ CIFAR-10 | r CIFAR-10 | τ CIFAR-100 | τ ImageNet16-120 |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (var e : byScore.entrySet()) {
            List<double[]> rows = finite(e.getValue());
            double[] s = column(rows, 1);
            double[][] acc = new double[3][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                for (Nb201Dataset d : Nb201Dataset.values()) {
                    acc[d.ordinal()][i] = table.accuracy((int) rows.get(i)[0], d);
                }
            }
            Interval tau = Correlation.bootstrap(s, acc[0], Correlation::kendallTau, 1000, 0.95, new SplittableRandom(seed));
            System.out.printf(Locale.ROOT, "| %s | %d%s | %.3f (%.3f–%.3f) | %.3f | %.3f | %.3f | %.3f |%n", e.getKey(),
                    rows.size(), rows.size() < e.getValue().size() ? " (+" + (e.getValue().size() - rows.size())
                            + " non-finite)" : "", tau.estimate(), tau.low(), tau.high(),
                    Correlation.spearman(s, acc[0]), Correlation.pearson(s, acc[0]),
                    Correlation.kendallTau(s, acc[1]), Correlation.kendallTau(s, acc[2]));
        }
        List<double[]> naswot = byScore.get("naswot");
        if (naswot == null) {
            return;
        }
        timing(naswot);
        List<double[]> pool = finite(naswot);
        System.out.println();
        System.out.println("| search (" + runs + " runs, draws from " + pool.size()
                + " scored cells) | NASWOT C10 test | optimal of the same N | random pick | paper NASWOT |");
        System.out.println("|---|---|---|---|---|");
        for (int n : new int[] {10, 100}) {
            search(pool, table, n, runs, seed, n == 10 ? "92.44±1.13" : "92.81±0.99");
        }
    }

    private static void search(List<double[]> pool, Nb201Table table, int n, int runs, long seed, String paper) {
        SplittableRandom rng = new SplittableRandom(seed * 1000 + n);
        double[] chosen = new double[runs], optimal = new double[runs], random = new double[runs];
        for (int r = 0; r < runs; r++) {
            double bestScore = Double.NEGATIVE_INFINITY, bestAcc = Double.NaN, maxAcc = Double.NEGATIVE_INFINITY;
            double firstAcc = Double.NaN;
            for (int i = 0; i < n; i++) {
                double[] row = pool.get(rng.nextInt(pool.size()));
                double acc = table.accuracy((int) row[0], Nb201Dataset.CIFAR10);
                if (i == 0) {
                    firstAcc = acc;
                }
                if (Double.isNaN(bestAcc) || row[1] > bestScore) {
                    bestScore = row[1];
                    bestAcc = acc;
                }
                maxAcc = Math.max(maxAcc, acc);
            }
            chosen[r] = bestAcc;
            optimal[r] = maxAcc;
            random[r] = firstAcc;
        }
        System.out.printf(Locale.ROOT, "| N=%d | %s | %s | %s | %s |%n", n, meanStd(chosen), meanStd(optimal),
                meanStd(random), paper);
    }

    private static void timing(List<double[]> rows) {
        int k = Math.min(100, rows.size());
        double wall = 0, cpu = 0;
        for (int i = 0; i < k; i++) {
            wall += rows.get(i)[2];
            cpu += rows.get(i)[3];
        }
        System.out.printf(Locale.ROOT, "%nNASWOT scoring, first %d cells: %.1f s of single-thread CPU time in total "
                + "(%.2f s per cell), %.1f s wall time summed over cells (machine load included)%n", k, cpu / 1e3,
                cpu / 1e3 / k, wall / 1e3);
    }

    private static String meanStd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return String.format(Locale.ROOT, "%.2f±%.2f", m, Math.sqrt(s / v.length));
    }

    private static List<double[]> finite(List<double[]> rows) {
        List<double[]> out = new ArrayList<>();
        for (double[] r : rows) {
            if (Double.isFinite(r[1])) {
                out.add(r);
            }
        }
        return out;
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }
}
