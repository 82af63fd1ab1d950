package dev.connectome.report.svg;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One data series of an {@link XyPlot}: points (x[i], y[i]) drawn as a line, a step line or dots.
 * Points with a non-finite coordinate are not drawn; lines break there.
 *
 * @param name   legend text (null or blank: no legend entry)
 * @param kind   how the points are drawn
 * @param x      x coordinates
 * @param y      y coordinates, same length as x
 * @param colour CSS colour
 * @param labels optional per-point tooltips (same length as x), or an empty list
 */
public record Series(String name, Kind kind, double[] x, double[] y, String colour, List<String> labels) {

    /** How a series is drawn. */
    public enum Kind {
        /** straight segments between consecutive points */
        LINE,
        /** horizontal then vertical segments: a value that holds until the next point (best so far) */
        STEP,
        /** one dot per point */
        SCATTER
    }

    public Series {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(colour, "colour");
        x = x.clone();
        y = y.clone();
        labels = List.copyOf(labels);
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but "
                    + y.length + " y values");
        }
        if (!labels.isEmpty() && labels.size() != x.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " points but "
                    + labels.size() + " labels");
        }
    }

    public static Series line(String name, double[] x, double[] y, String colour) {
        return new Series(name, Kind.LINE, x, y, colour, List.of());
    }

    public static Series step(String name, double[] x, double[] y, String colour) {
        return new Series(name, Kind.STEP, x, y, colour, List.of());
    }

    public static Series scatter(String name, double[] x, double[] y, String colour) {
        return new Series(name, Kind.SCATTER, x, y, colour, List.of());
    }

    /** The same series with per-point tooltips. */
    public Series withLabels(List<String> pointLabels) {
        return new Series(name, kind, x, y, colour, pointLabels);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    int size() {
        return x.length;
    }

    double xAt(int i) {
        return x[i];
    }

    double yAt(int i) {
        return y[i];
    }

    boolean finiteAt(int i) {
        return Double.isFinite(x[i]) && Double.isFinite(y[i]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && Objects.equals(name, s.name) && kind == s.kind && Arrays.equals(x, s.x)
                && Arrays.equals(y, s.y) && colour.equals(s.colour) && labels.equals(s.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, Arrays.hashCode(x), Arrays.hashCode(y), colour, labels);
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + kind + ", " + x.length + " points]";
    }
}
