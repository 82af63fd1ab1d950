package dev.connectome.report.landscape;

import java.util.Locale;

/** Matplotlib's viridis colour map (perceptually uniform, colour-blind safe), sampled at 9 stops and interpolated. */
final class Viridis {
    private static final int[][] STOPS = {
        {68, 1, 84}, {71, 44, 122}, {59, 81, 139}, {44, 113, 142}, {33, 144, 141},
        {39, 173, 129}, {92, 200, 99}, {170, 220, 50}, {253, 231, 37}};

    private Viridis() {
    }

    /** Colour at t ∈ [0, 1] as #rrggbb. */
    static String at(double t) {
        double x = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
        int i = Math.min(STOPS.length - 2, (int) Math.floor(x));
        double f = x - i;
        int[] a = STOPS[i];
        int[] b = STOPS[i + 1];
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(a[0] + f * (b[0] - a[0])),
                Math.round(a[1] + f * (b[1] - a[1])), Math.round(a[2] + f * (b[2] - a[2])));
    }
}
