package dev.connectome.report.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * An axis range rounded outwards to "nice" numbers (1, 2, 5 × 10^k steps) and its tick values,
 * after P. S. Heckbert, "Nice numbers for graph labels", Graphics Gems (1990).
 *
 * @param lo     lower end of the axis (a multiple of step, at or below the data minimum)
 * @param hi     upper end of the axis (a multiple of step, at or above the data maximum)
 * @param step   distance between ticks
 * @param values tick positions from lo to hi
 */
public record Ticks(double lo, double hi, double step, List<Double> values) {

    public Ticks {
        values = List.copyOf(values);
    }

    /**
     * Nice ticks covering [min, max] with about {@code target} intervals. A degenerate range
     * (min == max, or narrower than 1e-9 of its magnitude) is widened by ±10% around its centre, so a
     * single point still gets an axis.
     */
    public static Ticks nice(double min, double max, int target) {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("axis range must be finite, got [" + min + ", " + max + "]");
        }
        if (min > max) {
            throw new IllegalArgumentException("axis range is reversed: [" + min + ", " + max + "]");
        }
        if (target < 1) {
            throw new IllegalArgumentException("target tick count must be at least 1, got " + target);
        }
        // a range too narrow to resolve at this magnitude would make floor(min / step) lose all precision
        if (max - min <= Math.max(Math.abs(min), Math.abs(max)) * 1e-9) {
            double centre = min / 2 + max / 2;
            double pad = centre == 0 ? 1 : Math.abs(centre) * 0.1;
            min = centre - pad;
            max = centre + pad;
        }
        double step = niceNumber((max - min) / target, true);
        double lo = Math.floor(min / step) * step;
        double hi = Math.ceil(max / step) * step;
        // the division can round across an integer (0.35 / 0.05 = 7.000000000000001)
        if (lo > min) {
            lo -= step;
        }
        if (hi < max) {
            hi += step;
        }
        List<Double> values = new ArrayList<>();
        long n = Math.round((hi - lo) / step);
        for (long i = 0; i <= n; i++) {
            // multiply rather than accumulate, so ticks carry no drift (0.30000000000000004)
            double v = lo + i * step;
            values.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return new Ticks(lo, hi, step, values);
    }

    /** Tick label for {@code v}, with just the decimals this axis needs. */
    public String label(double v) {
        return Fmt.tick(v, step);
    }

    /** Heckbert's nice number near x: 1, 2, 5 or 10 times a power of ten. */
    static double niceNumber(double x, boolean round) {
        double exp = Math.floor(Math.log10(x));
        double f = x / Math.pow(10, exp);
        double nf;
        if (round) {
            nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
        } else {
            nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        }
        return nf * Math.pow(10, exp);
    }
}
