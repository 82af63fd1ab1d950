package dev.connectome.nas.analysis;

/**
 * A point estimate with a two-sided confidence interval {@code [low, high]} (e.g. a bootstrap
 * percentile interval from {@link Correlation#bootstrap}).
 *
 * @param estimate the statistic on the full sample
 * @param low      lower bound
 * @param high     upper bound
 */
public record Interval(double estimate, double low, double high) {
    /** Whether {@code value} lies within {@code [low, high]}. */
    public boolean contains(double value) {
        return value >= low && value <= high;
    }

    /** Width of the interval. */
    public double width() {
        return high - low;
    }
}
