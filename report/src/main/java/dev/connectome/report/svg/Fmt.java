package dev.connectome.report.svg;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Locale-independent number formatting for charts and tables (a report written on a German
 * machine must not say "94,37" in one place and "94.37" in another).
 */
public final class Fmt {

    private Fmt() {
    }

    /** An SVG coordinate: at most two decimals, no exponent, no trailing zeros. */
    public static String coord(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("SVG coordinate must be finite, got " + v);
        }
        return strip(String.format(Locale.ROOT, "%.2f", v));
    }

    /**
     * A value for people to read: four significant digits in plain notation for magnitudes in
     * [1e-3, 1e7), scientific notation otherwise; "NaN", "∞" and "−∞" for the non-finite.
     */
    public static String value(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e7) {
            BigDecimal d = new BigDecimal(v).round(new MathContext(a >= 1e4 ? (int) Math.floor(Math.log10(a)) + 1 : 4));
            return d.stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", v).replaceFirst("\\.?0+e", "e");
    }

    /**
     * A tick label for {@code v} on an axis whose ticks are {@code step} apart: just enough decimals
     * to tell neighbouring ticks apart; scientific notation for very large or small scales.
     */
    public static String tick(double v, double step) {
        if (!Double.isFinite(v) || !(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("tick needs a finite value and a positive step, got " + v + ", " + step);
        }
        if (Math.abs(v) < step * 1e-9) {
            return "0";
        }
        double a = Math.max(Math.abs(v), step);
        if (a >= 1e7 || step < 1e-5) {
            int digits = Math.max(0, (int) Math.floor(Math.log10(Math.abs(v))) - (int) Math.floor(Math.log10(step)));
            return String.format(Locale.ROOT, "%." + Math.min(digits, 10) + "e", v).replaceFirst("\\.?0+e", "e");
        }
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Fixed decimals, locale-independent, with "-0" normalised to "0". */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return value(v);
        }
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }

    private static String strip(String s) {
        if (s.indexOf('.') >= 0) {
            int end = s.length();
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s.equals("-0") ? "0" : s;
    }
}
