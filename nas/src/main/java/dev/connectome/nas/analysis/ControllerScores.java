package dev.connectome.nas.analysis;

import java.util.Arrays;

/**
 * The scores of architectures sampled from one controller, with a summary.
 *
 * @param label  e.g. "trained" or "untrained"
 * @param scores one score per sample, in sampling order
 * @param unique number of distinct architectures among the samples
 */
public record ControllerScores(String label, double[] scores, int unique) {

    public ControllerScores {
        scores = scores.clone();
        if (scores.length == 0) {
            throw new IllegalArgumentException("no scores for '" + label + "'");
        }
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    public double mean() {
        return Arrays.stream(scores).average().orElse(Double.NaN);
    }

    /** Population standard deviation. */
    public double sd() {
        double m = mean();
        return Math.sqrt(Arrays.stream(scores).map(v -> (v - m) * (v - m)).sum() / scores.length);
    }

    /** The q-quantile (0..1) by linear interpolation between order statistics. */
    public double quantile(double q) {
        double[] s = scores.clone();
        Arrays.sort(s);
        double pos = q * (s.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (pos - lo) * (s[hi] - s[lo]);
    }

    public double max() {
        return Arrays.stream(scores).max().orElse(Double.NaN);
    }
}
