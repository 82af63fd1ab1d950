package dev.connectome.nas.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleBiFunction;
import java.util.random.RandomGenerator;

/**
 * Correlation coefficients between paired samples, as used to judge zero-cost scores against trained
 * accuracy: Kendall's τ-b, Spearman's ρ and Pearson's r, plus percentile bootstrap intervals.
 *
 * <p>Definitions follow SciPy's {@code kendalltau} (variant b), {@code spearmanr} (Pearson's r of
 * average ranks) and {@code pearsonr}. A coefficient that is undefined (a constant sample, or fewer
 * than two pairs) is NaN. NaN inputs are rejected: drop failed pairs first.
 */
public final class Correlation {
    private Correlation() {
    }

    /**
     * Kendall's τ-b = (C − D) / √((n0 − n1)(n0 − n2)), n0 = n(n−1)/2, n1 / n2 the pairs tied in x / y.
     * O(n log n) (Knight's 1966 merge-sort algorithm), so 15,625 cells take milliseconds.
     */
    public static double kendallTau(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        // Sort by x then y, so ties in x are ordered by y and do not count as discordant.
        Arrays.sort(boxed, Comparator.<Integer>comparingDouble(i -> x[i]).thenComparingDouble(i -> y[i]));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        long n0 = (long) n * (n - 1) / 2;
        long tiesX = 0, tiesXY = 0;
        long runX = 1, runXY = 1;
        for (int i = 1; i < n; i++) {
            boolean sameX = x[order[i]] == x[order[i - 1]];
            boolean sameXY = sameX && y[order[i]] == y[order[i - 1]];
            if (sameX) {
                runX++;
            } else {
                tiesX += runX * (runX - 1) / 2;
                runX = 1;
            }
            if (sameXY) {
                runXY++;
            } else {
                tiesXY += runXY * (runXY - 1) / 2;
                runXY = 1;
            }
        }
        tiesX += runX * (runX - 1) / 2;
        tiesXY += runXY * (runXY - 1) / 2;
        // Sorting the x-order by y counts swaps = discordant pairs (pairs tied in y never swap).
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = y[order[i]];
        }
        long swaps = mergeCount(ys, new double[n], 0, n);
        long tiesY = 0, runY = 1;
        for (int i = 1; i < n; i++) {
            if (ys[i] == ys[i - 1]) {
                runY++;
            } else {
                tiesY += runY * (runY - 1) / 2;
                runY = 1;
            }
        }
        tiesY += runY * (runY - 1) / 2;
        // concordant − discordant over pairs tied in neither variable
        long cMinusD = n0 - tiesX - tiesY + tiesXY - 2 * swaps;
        double denom = Math.sqrt((double) (n0 - tiesX) * (double) (n0 - tiesY));
        return denom == 0 ? Double.NaN : cMinusD / denom;
    }

    /** Stable merge sort of a[from, to) counting inversions (strictly greater before smaller). */
    private static long mergeCount(double[] a, double[] tmp, int from, int to) {
        if (to - from < 2) {
            return 0;
        }
        int mid = (from + to) >>> 1;
        long swaps = mergeCount(a, tmp, from, mid) + mergeCount(a, tmp, mid, to);
        int i = from, j = mid, k = from;
        while (i < mid && j < to) {
            if (a[j] < a[i]) {
                swaps += mid - i;
                tmp[k++] = a[j++];
            } else {
                tmp[k++] = a[i++];
            }
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < to) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, from, a, from, to - from);
        return swaps;
    }

    /** Spearman's ρ: Pearson's r of the ranks, tied values sharing their average rank. */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return pearson(Ranks.average(x), Ranks.average(y));
    }

    /** Pearson's r, accumulated in double around the means (two-pass, so large offsets do not cancel). */
    public static double pearson(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx, dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /**
     * Percentile bootstrap: resamples the pairs with replacement {@code resamples} times, computes
     * {@code statistic} on each, and returns the statistic on the full sample with the
     * ((1−level)/2, (1+level)/2) quantiles of the resampled values. Resamples where the statistic is
     * NaN (e.g. a constant resample) are dropped; if all are, the bounds are NaN.
     */
    public static Interval bootstrap(double[] x, double[] y, ToDoubleBiFunction<double[], double[]> statistic,
            int resamples, double level, RandomGenerator rng) {
        check(x, y);
        if (resamples < 1) {
            throw new IllegalArgumentException("bootstrap needs at least 1 resample, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        int n = x.length;
        double estimate = statistic.applyAsDouble(x, y);
        double[] values = new double[resamples];
        int kept = 0;
        double[] bx = new double[n], by = new double[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                int k = rng.nextInt(n);
                bx[i] = x[k];
                by[i] = y[k];
            }
            double v = statistic.applyAsDouble(bx, by);
            if (!Double.isNaN(v)) {
                values[kept++] = v;
            }
        }
        if (kept == 0) {
            return new Interval(estimate, Double.NaN, Double.NaN);
        }
        double[] sorted = Arrays.copyOf(values, kept);
        Arrays.sort(sorted);
        double alpha = (1 - level) / 2;
        return new Interval(estimate, quantile(sorted, alpha), quantile(sorted, 1 - alpha));
    }

    /** Linear-interpolation quantile of sorted values (NumPy's default "linear" method). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + x.length + " vs " + y.length);
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                throw new IllegalArgumentException("NaN in pair " + i + " (x=" + x[i] + ", y=" + y[i]
                        + "); drop failed pairs before correlating");
            }
        }
    }
}
