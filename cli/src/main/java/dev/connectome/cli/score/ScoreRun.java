package dev.connectome.cli.score;

import dev.connectome.nas.analysis.Correlation;
import dev.connectome.nas.analysis.Interval;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.report.score.NaswotSearchSection;
import dev.connectome.report.score.ScoreCorrelation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** The scored cells of one {@code connectome score} run and the analyses made from them. */
final class ScoreRun {
    private final List<Nb201Cell> cells;
    private final List<String> scoreIds;
    private final double[][] values; // [score][cell]
    private final Nb201Dataset dataset;

    ScoreRun(List<Nb201Cell> cells, List<String> scoreIds, double[][] values, Nb201Dataset dataset) {
        this.cells = List.copyOf(cells);
        this.scoreIds = List.copyOf(scoreIds);
        this.values = values;
        this.dataset = dataset;
    }

    List<Nb201Cell> cells() {
        return cells;
    }

    double accuracy(int cell) {
        return Nb201Table.get().accuracy(cells.get(cell), dataset);
    }

    /** Correlation of each score with the table accuracy over the cells where the score is finite. */
    List<ScoreCorrelation> correlations(long seed) {
        List<ScoreCorrelation> out = new ArrayList<>();
        for (int s = 0; s < scoreIds.size(); s++) {
            List<double[]> pairs = new ArrayList<>();
            for (int c = 0; c < cells.size(); c++) {
                if (Double.isFinite(values[s][c])) {
                    pairs.add(new double[] {values[s][c], accuracy(c)});
                }
            }
            double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
            Interval tau = x.length < 2 ? new Interval(Double.NaN, Double.NaN, Double.NaN)
                    : Correlation.bootstrap(x, y, Correlation::kendallTau, 1000, 0.95, new SplittableRandom(seed));
            out.add(new ScoreCorrelation(scoreIds.get(s), x, y, tau,
                    x.length < 2 ? Double.NaN : Correlation.spearman(x, y),
                    x.length < 2 ? Double.NaN : Correlation.pearson(x, y)));
        }
        return out;
    }

    /** Index of the best and worst cell by a score (finite values only), or null when none is finite. */
    int[] bestAndWorst(int score) {
        int best = -1, worst = -1;
        for (int c = 0; c < cells.size(); c++) {
            double v = values[score][c];
            if (!Double.isFinite(v)) {
                continue;
            }
            if (best < 0 || v > values[score][best]) {
                best = c;
            }
            if (worst < 0 || v < values[score][worst]) {
                worst = c;
            }
        }
        return best < 0 ? null : new int[] {best, worst};
    }

    /**
     * The NASWOT protocol replayed on the scored cells: {@code runs} times, draw N of them uniformly
     * with replacement and keep the best-scoring; report the chosen, optimal and random accuracy.
     */
    NaswotSearchSection.Row search(int score, int n, int runs, long seed, String paper) {
        SplittableRandom rng = new SplittableRandom(seed * 7919 + n);
        double[] chosen = new double[runs], optimal = new double[runs], random = new double[runs];
        int size = cells.size();
        for (int r = 0; r < runs; r++) {
            int best = -1;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                int c = rng.nextInt(size);
                double v = values[score][c];
                if (i == 0) {
                    random[r] = accuracy(c);
                }
                if (best < 0 || (!Double.isNaN(v) && (Double.isNaN(values[score][best]) || v > values[score][best]))) {
                    best = c;
                }
                max = Math.max(max, accuracy(c));
            }
            chosen[r] = accuracy(best);
            optimal[r] = max;
        }
        return new NaswotSearchSection.Row(n, runs, meanStd(chosen), meanStd(optimal), meanStd(random), paper);
    }

    static String meanStd(double[] v) {
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

    /** Per-cell CSV: nb201_index, architecture, accuracy, then one column per score. */
    String scoresCsv() {
        StringBuilder sb = new StringBuilder("nb201_index,architecture,accuracy");
        for (String id : scoreIds) {
            sb.append(',').append(id);
        }
        sb.append('\n');
        Nb201Table table = Nb201Table.get();
        for (int c = 0; c < cells.size(); c++) {
            sb.append(table.index(cells.get(c))).append(',').append(cells.get(c).format()).append(',')
                    .append(accuracy(c));
            for (int s = 0; s < scoreIds.size(); s++) {
                sb.append(',').append(values[s][c]);
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Correlation CSV: score, cells, tau, tau_low, tau_high, spearman, pearson. */
    static String correlationCsv(List<ScoreCorrelation> rows) {
        StringBuilder sb = new StringBuilder("score,cells,kendall_tau,tau_low95,tau_high95,spearman,pearson\n");
        for (ScoreCorrelation r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f%n", r.score(), r.values().length,
                    r.tau().estimate(), r.tau().low(), r.tau().high(), r.spearman(), r.pearson()));
        }
        return sb.toString();
    }
}
