package dev.connectome.nas.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The intrinsic-dimension estimate of Li et al. 2018: d_int90 is the smallest subspace dimension d
 * whose trained accuracy reaches 90% of a baseline accuracy. Between two measured dimensions the
 * crossing is interpolated linearly (Li et al. report the first grid point instead; the
 * interpolated value is never above it).
 */
public final class IntrinsicDimension {
    private IntrinsicDimension() {
    }

    /** One trained run: subspace dimension, seed and the accuracy it reached. */
    public record Point(int dimension, long seed, double accuracy) {
    }

    /**
     * Where an accuracy curve crosses a threshold.
     *
     * @param dimension the interpolated crossing, or NaN when no measured d reaches the threshold
     * @param gridPoint the first measured d at or above the threshold (Li et al.'s value), or -1
     */
    public record Crossing(double threshold, double dimension, int gridPoint) {
        public boolean reached() {
            return gridPoint > 0;
        }
    }

    /**
     * The summary of a sweep.
     *
     * @param meanCurve    mean accuracy over seeds per d
     * @param ofMeanCurve  the crossing of the mean curve
     * @param perSeed      the crossing of each seed's own curve, by seed
     * @param seedMean     mean of the per-seed crossings that were reached (NaN if none)
     * @param seedStd      their sample standard deviation (0 for one seed, NaN if none)
     */
    public record Summary(double threshold, Map<Integer, Double> meanCurve, Crossing ofMeanCurve,
                          Map<Long, Crossing> perSeed, double seedMean, double seedStd) {
    }

    /** The first crossing of {@code threshold} by a curve d → accuracy (d ascending). */
    public static Crossing crossing(Map<Integer, Double> curve, double threshold) {
        TreeMap<Integer, Double> sorted = new TreeMap<>(curve);
        Integer prevD = null;
        double prevA = Double.NaN;
        for (Map.Entry<Integer, Double> e : sorted.entrySet()) {
            int d = e.getKey();
            double a = e.getValue();
            if (a >= threshold) {
                if (prevD == null || !(a > prevA)) {
                    return new Crossing(threshold, d, d);
                }
                double t = (threshold - prevA) / (a - prevA);
                return new Crossing(threshold, prevD + t * (d - prevD), d);
            }
            prevD = d;
            prevA = a;
        }
        return new Crossing(threshold, Double.NaN, -1);
    }

    /** Crossings of {@code threshold} for the seed-mean curve and for each seed. */
    public static Summary summarise(List<Point> points, double threshold) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("intrinsic dimension: no runs to summarise");
        }
        Map<Integer, double[]> sums = new TreeMap<>();
        Map<Long, Map<Integer, Double>> bySeed = new TreeMap<>();
        for (Point p : points) {
            double[] s = sums.computeIfAbsent(p.dimension(), k -> new double[2]);
            s[0] += p.accuracy();
            s[1]++;
            bySeed.computeIfAbsent(p.seed(), k -> new TreeMap<>()).put(p.dimension(), p.accuracy());
        }
        Map<Integer, Double> mean = new TreeMap<>();
        sums.forEach((d, s) -> mean.put(d, s[0] / s[1]));
        Map<Long, Crossing> perSeed = new TreeMap<>();
        List<Double> reached = new ArrayList<>();
        bySeed.forEach((seed, curve) -> {
            Crossing c = crossing(curve, threshold);
            perSeed.put(seed, c);
            if (c.reached()) {
                reached.add(c.dimension());
            }
        });
        double m = reached.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double var = 0;
        for (double v : reached) {
            var += (v - m) * (v - m);
        }
        double std = reached.isEmpty() ? Double.NaN : reached.size() == 1 ? 0 : Math.sqrt(var / (reached.size() - 1));
        return new Summary(threshold, mean, crossing(mean, threshold), perSeed, m, std);
    }
}
