package dev.connectome.nas.analysis;

import java.util.Arrays;
import java.util.Comparator;

/** Ranking helpers for rank correlations. */
public final class Ranks {
    private Ranks() {
    }

    /** 1-based ranks where tied values share the average of the ranks they span (SciPy's rankdata "average"). */
    public static double[] average(double[] values) {
        int n = values.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && values[idx[j]] == values[idx[i]]) {
                j++;
            }
            double r = (i + 1 + j) / 2.0; // mean of ranks i+1 .. j
            for (int k = i; k < j; k++) {
                ranks[idx[k]] = r;
            }
            i = j;
        }
        return ranks;
    }

    /** Index of the largest value (first one on ties); -1 for an empty array. NaN values are skipped. */
    public static int argMax(double[] values) {
        int best = -1;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && (best < 0 || values[i] > values[best])) {
                best = i;
            }
        }
        return best;
    }
}
