package dev.connectome.nas.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Landscapes as CSV, one row per grid point: {@code label,sigma,alpha1,alpha2,loss,accuracy}.
 * Written to a temporary file and moved into place, so a reader never sees half a file.
 */
public final class LandscapeCsv {
    public static final String HEADER = "label,sigma,alpha1,alpha2,loss,accuracy";

    private LandscapeCsv() {
    }

    public static String format(List<LandscapeGrid> grids) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (LandscapeGrid g : grids) {
            double[] a = g.alphas();
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < a.length; j++) {
                    sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%.7g,%.6f%n", g.label(), num(g.sigma()),
                            num(a[i]), num(a[j]), g.loss()[i][j], g.accuracy()[i][j]));
                }
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 1e9) / 1e9).stripTrailingZeros().toPlainString();
    }

    /** Writes {@link #format} to {@code file} atomically. */
    public static void write(List<LandscapeGrid> grids, Path file) {
        Path abs = file.toAbsolutePath();
        try {
            Path dir = abs.getParent();
            Files.createDirectories(dir);
            // Not Files.createTempFile: it makes the file owner-only (0600) and the move would keep that.
            Path tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Long.toHexString(System.nanoTime()) + ".tmp");
            try {
                Files.writeString(tmp, format(grids), StandardCharsets.UTF_8);
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static List<LandscapeGrid> read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses {@link #format}'s output; grids keep their order of first appearance. Each (label, σ)
     * must cover a full square grid.
     *
     * @throws IllegalArgumentException naming {@code name} and the line of a malformed row
     */
    public static List<LandscapeGrid> parse(String text, String name) {
        String[] lines = text.split("\\R");
        if (lines.length == 0 || !lines[0].trim().equals(HEADER)) {
            throw new IllegalArgumentException(name + ":1: expected header '" + HEADER + "'");
        }
        record Point(double a1, double a2, double loss, double acc) { }
        Map<String, List<Point>> byKey = new LinkedHashMap<>();
        Map<String, double[]> meta = new LinkedHashMap<>();
        for (int ln = 1; ln < lines.length; ln++) {
            String line = lines[ln].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(name + ":" + (ln + 1) + ": expected 6 fields, got " + f.length);
            }
            try {
                double sigma = Double.parseDouble(f[1]);
                String key = f[0] + "\u0000" + f[1];
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Point(Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
                meta.putIfAbsent(key, new double[] {sigma});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ":" + (ln + 1) + ": not a number in '" + line + "'");
            }
        }
        List<LandscapeGrid> out = new ArrayList<>();
        for (Map.Entry<String, List<Point>> e : byKey.entrySet()) {
            String label = e.getKey().substring(0, e.getKey().indexOf('\u0000'));
            TreeSet<Double> axis = new TreeSet<>();
            for (Point p : e.getValue()) {
                axis.add(p.a1());
            }
            double[] alphas = axis.stream().mapToDouble(Double::doubleValue).toArray();
            int n = alphas.length;
            if (e.getValue().size() != n * n) {
                throw new IllegalArgumentException(name + ": landscape '" + label + "' at sigma "
                        + meta.get(e.getKey())[0] + " has " + e.getValue().size() + " points, not a " + n + "×" + n + " grid");
            }
            double[][] loss = new double[n][n];
            double[][] acc = new double[n][n];
            for (Point p : e.getValue()) {
                int i = java.util.Arrays.binarySearch(alphas, p.a1());
                int j = java.util.Arrays.binarySearch(alphas, p.a2());
                if (j < 0) {
                    throw new IllegalArgumentException(name + ": landscape '" + label + "' alpha2 " + p.a2()
                            + " is not on the alpha1 axis");
                }
                loss[i][j] = p.loss();
                acc[i][j] = p.acc();
            }
            out.add(new LandscapeGrid(label, meta.get(e.getKey())[0], alphas, loss, acc, 0));
        }
        return out;
    }
}
