package dev.connectome.nas.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * WANNRelease's {@code .out} champion format (exportNet/importNet): a CSV of N rows and N+1 columns,
 * the N×N weight matrix (row = source, column = target) followed by each node's activation id.
 * Row 0 is the bias, rows 1..inputs the inputs, then hidden nodes in topological order, the last
 * {@code outputs} rows the outputs. A cell of 0 is no connection, {@code nan} a disabled gene, any
 * other value an enabled gene with that weight; the matrix is strictly upper-triangular.
 *
 * <p>Reading numbers nodes by row and genes row-major (innovation = position in that scan), so
 * {@code read(write(g))} keeps {@code g}'s evaluation order, weights to three significant digits
 * (the {@code %1.2e} format) and enabled flags; disabled genes come back with weight 1, their
 * stored weight being lost in the format. A genome that was itself read from a file round-trips exactly.
 */
public final class WannOutFormat {
    private WannOutFormat() {
    }

    /**
     * Reads a {@code .out} file for a task with the given numbers of inputs and outputs.
     *
     * @throws GraphFormatException naming the file and line when it is unreadable or malformed
     */
    public static NeuronGraph read(Path file, int inputs, int outputs) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GraphFormatException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(text, file.toString(), inputs, outputs);
    }

    /**
     * Parses {@code .out} text; {@code name} is used in error messages.
     *
     * @throws GraphFormatException naming {@code name} and the line on ragged rows, non-numbers, entries
     *                              on or below the diagonal, node counts that do not fit the task,
     *                              invalid activation ids or an empty text
     */
    public static NeuronGraph parse(String text, String name, int inputs, int outputs) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("inputs and outputs must be positive, got " + inputs + " and " + outputs);
        }
        List<String[]> cells = new ArrayList<>();
        List<Integer> lineNo = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                cells.add(lines[i].split(",", -1));
                lineNo.add(i + 1);
            }
        }
        int n = cells.size();
        if (n == 0) {
            throw new GraphFormatException(name + ": empty file, expected an N×(N+1) matrix");
        }
        int width = cells.get(0).length;
        for (int r = 0; r < n; r++) {
            if (cells.get(r).length != width) {
                throw new GraphFormatException(name + ":" + lineNo.get(r) + ": ragged rows: this line has "
                        + cells.get(r).length + " columns, line " + lineNo.get(0) + " has " + width);
            }
        }
        if (width != n + 1) {
            throw new GraphFormatException(name + ":" + lineNo.get(0) + ": " + n + " rows need " + (n + 1)
                    + " columns (" + n + " weights and the activation id), the rows have " + width);
        }
        int minNodes = 1 + inputs + outputs;
        if (n < minNodes) {
            throw new GraphFormatException(name + ": " + n + " nodes, but a task with " + inputs + " inputs and "
                    + outputs + " outputs needs at least " + minNodes + " (bias + inputs + outputs)");
        }
        int firstOutput = n - outputs;
        List<Node> nodes = new ArrayList<>(n);
        List<Connection> conns = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            String[] row = cells.get(r);
            int line = lineNo.get(r);
            float act = number(row[n], name, line, n + 1);
            if (act != Math.rint(act) || !WannActivation.isValid((int) act)) {
                throw new GraphFormatException(name + ":" + line + ": activation id " + row[n].trim()
                        + " is not an integer in 1.." + WannActivation.MAX_ID);
            }
            NodeKind kind = r == 0 ? NodeKind.BIAS : r <= inputs ? NodeKind.INPUT
                    : r < firstOutput ? NodeKind.HIDDEN : NodeKind.OUTPUT;
            nodes.add(new Node(r, kind, (int) act));
            for (int c = 0; c < n; c++) {
                float v = number(row[c], name, line, c + 1);
                if (v == 0f) {
                    continue;
                }
                if (c <= r) {
                    throw new GraphFormatException(name + ":" + line + ": entry " + row[c].trim() + " in column " + (c + 1)
                            + " is on or below the diagonal (a cycle, or not in feed-forward order)");
                }
                if (c <= inputs) {
                    throw new GraphFormatException(name + ":" + line + ": entry in column " + (c + 1)
                            + " connects into the bias or an input (rows/columns 1.." + (inputs + 1) + ")");
                }
                if (r >= firstOutput) {
                    throw new GraphFormatException(name + ":" + line + ": output node (row " + (r + 1)
                            + ") has an outgoing connection; outputs form the last layer");
                }
                boolean enabled = !Float.isNaN(v);
                conns.add(new Connection(conns.size(), r, c, enabled ? v : 1f, enabled));
            }
        }
        try {
            return NeuronGraph.of(inputs, outputs, nodes, conns);
        } catch (IllegalArgumentException e) {
            throw new GraphFormatException(name + ": " + e.getMessage(), e);
        }
    }

    private static float number(String cell, String name, int line, int column) {
        String s = cell.trim();
        if (s.equalsIgnoreCase("nan")) {
            return Float.NaN;
        }
        try {
            float v = Float.parseFloat(s);
            if (Float.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new GraphFormatException(name + ":" + line + ": column " + column + ": '" + s + "' is not a finite number");
        }
    }

    /**
     * The {@code .out} text of {@code g} (rows in evaluation order, numbers as numpy's {@code %1.2e}).
     *
     * @throws IllegalArgumentException when an enabled gene has weight 0 (the format would drop it)
     */
    public static String format(NeuronGraph g) {
        List<Node> order = g.evaluationOrder();
        int n = order.size();
        java.util.Map<Integer, Integer> pos = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            pos.put(order.get(i).id(), i);
        }
        String[][] m = new String[n][n];
        for (Connection c : g.connections()) {
            if (c.enabled() && (c.weight() == 0f || !Float.isFinite(c.weight()))) {
                throw new IllegalArgumentException(c + ": an enabled gene with weight " + c.weight()
                        + " cannot be written to a .out file");
            }
            m[pos.get(c.source())][pos.get(c.target())] = c.enabled() ? sci(c.weight()) : "nan";
        }
        String zero = sci(0f);
        StringBuilder sb = new StringBuilder(n * (n + 1) * 9);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                sb.append(m[r][c] == null ? zero : m[r][c]).append(',');
            }
            sb.append(sci(order.get(r).activation())).append('\n');
        }
        return sb.toString();
    }

    private static String sci(float v) {
        return String.format(Locale.ROOT, "%.2e", (double) v);
    }

    /** Writes {@link #format(NeuronGraph)} to {@code file} atomically (temp file + move). */
    public static void write(NeuronGraph g, Path file) {
        String text = format(g);
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
