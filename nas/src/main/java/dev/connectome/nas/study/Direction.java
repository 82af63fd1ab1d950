package dev.connectome.nas.study;

/** Whether a study maximises or minimises its objective. */
public enum Direction {
    MAXIMIZE,
    MINIMIZE;

    /** True when {@code a} is strictly better than {@code b} in this direction (NaN is never better). */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        if (Double.isNaN(b)) {
            return true;
        }
        return this == MAXIMIZE ? a > b : a < b;
    }

    /** Parses "maximize"/"max"/"minimize"/"min", case-insensitively. */
    public static Direction parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "maximize", "maximise", "max" -> MAXIMIZE;
            case "minimize", "minimise", "min" -> MINIMIZE;
            default -> throw new IllegalArgumentException("unknown direction '" + text + "' (expected maximize or minimize)");
        };
    }
}
