package dev.connectome.nas.wann;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * NSGA-II ranking on two maximised objectives as done by WANNRelease ({@code nsga_sort.py}): sort
 * into non-dominated fronts, order each front by the sum of the two objectives' crowding distances
 * (larger first), and concatenate the fronts.
 *
 * <p>The crowding distance keeps the published quirk: its "normalisation" multiplies by
 * |1/max − min| instead of dividing by (max − min), because of operator precedence in
 * {@code crowd *= abs((1/sortedObj[-1]-sortedObj[0]))}. It only reorders individuals inside a front.
 * A NaN distance (e.g. 0·∞ when the maximum is 0) sorts last, as numpy's argsort puts NaN last.
 * Ties keep index order (numpy's unstable quicksort has no defined tie order to copy).
 */
public final class NsgaSort {

    private NsgaSort() {
    }

    /**
     * Indices of the individuals, best first.
     *
     * @param first  first objective per individual (maximised)
     * @param second second objective per individual (maximised), same length
     */
    public static int[] order(double[] first, double[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("objective lengths differ: " + first.length + " vs " + second.length);
        }
        int[] order = new int[first.length];
        int k = 0;
        for (List<Integer> front : fronts(first, second)) {
            double[] crowd = crowdingDistance(select(first, front));
            double[] crowd2 = crowdingDistance(select(second, front));
            Integer[] pos = new Integer[front.size()];
            double[] sum = new double[front.size()];
            for (int i = 0; i < pos.length; i++) {
                pos[i] = i;
                sum[i] = crowd[i] + crowd2[i];
            }
            Arrays.sort(pos, Comparator.comparingDouble(i -> Double.isNaN(sum[i]) ? Double.POSITIVE_INFINITY : -sum[i]));
            for (Integer p : pos) {
                order[k++] = front.get(p);
            }
        }
        return order;
    }

    /** rank[i] = position of individual i in {@link #order} (0 = best). */
    public static int[] rank(double[] first, double[] second) {
        int[] order = order(first, second);
        int[] rank = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            rank[order[i]] = i;
        }
        return rank;
    }

    /** Non-dominated fronts (Deb et al. 2002 fast non-dominated sort), each in discovery order. */
    public static List<List<Integer>> fronts(double[] a, double[] b) {
        int n = a.length;
        List<List<Integer>> dominated = new ArrayList<>(n);
        int[] dominatedBy = new int[n];
        List<Integer> current = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            List<Integer> s = new ArrayList<>();
            for (int q = 0; q < n; q++) {
                if (dominates(a, b, p, q)) {
                    s.add(q);
                } else if (dominates(a, b, q, p)) {
                    dominatedBy[p]++;
                }
            }
            dominated.add(s);
            if (dominatedBy[p] == 0) {
                current.add(p);
            }
        }
        List<List<Integer>> fronts = new ArrayList<>();
        while (!current.isEmpty()) {
            fronts.add(current);
            List<Integer> next = new ArrayList<>();
            for (int p : current) {
                for (int q : dominated.get(p)) {
                    if (--dominatedBy[q] == 0) {
                        next.add(q);
                    }
                }
            }
            current = next;
        }
        return fronts;
    }

    /** p is at least as good in both objectives and strictly better in one. NaN never dominates. */
    static boolean dominates(double[] a, double[] b, int p, int q) {
        return a[p] >= a[q] && b[p] >= b[q] && (a[p] > a[q] || b[p] > b[q]);
    }

    /** The published crowding distance of one objective over one front (quirk included), in input order. */
    static double[] crowdingDistance(double[] values) {
        int n = values.length;
        Integer[] key = new Integer[n];
        for (int i = 0; i < n; i++) {
            key[i] = i;
        }
        Arrays.sort(key, Comparator.comparingDouble(i -> values[i]));
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = values[key[i]];
        }
        double[] crowd = new double[n];
        for (int i = 0; i < n; i++) {
            double prev = i == 0 ? Double.POSITIVE_INFINITY : Math.abs(sorted[i] - sorted[i - 1]);
            double next = i == n - 1 ? Double.POSITIVE_INFINITY : Math.abs(sorted[i] - sorted[i + 1]);
            crowd[i] = prev + next;
        }
        if (n > 0 && sorted[n - 1] - sorted[0] > 0) {
            double scale = Math.abs(1 / sorted[n - 1] - sorted[0]); // sic: the published precedence quirk
            for (int i = 0; i < n; i++) {
                crowd[i] *= scale;
            }
        }
        double[] dist = new double[n];
        for (int i = 0; i < n; i++) {
            dist[key[i]] = crowd[i];
        }
        return dist;
    }

    private static double[] select(double[] v, List<Integer> idx) {
        double[] out = new double[idx.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v[idx.get(i)];
        }
        return out;
    }
}
