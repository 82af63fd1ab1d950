package dev.connectome.nas.cell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The NAS-Bench-201 200-epoch test-accuracy table for all 15,625 cells, shipped as the resource
 * {@code nb201-accuracy.csv.gz} (source and checksum in this package's resource README). Loaded once
 * on first use; immutable and thread-safe.
 */
public final class Nb201Table {

    /** Number of cells in the space (5^6). */
    public static final int SIZE = 15625;
    /** SHA-256 of the upstream CSV the resource was made from ({@code nb201_test_accuracy_200ep.csv}). */
    public static final String SOURCE_SHA256 = "cb5d777ec3368be83c8f9b3aa4d520696051cb0eb8d94b8f85b519f9ea4afa3e";
    static final String RESOURCE = "nb201-accuracy.csv.gz";

    private final int[] indexOfCode = new int[SIZE];
    private final int[] codeOfIndex = new int[SIZE];
    private final double[][] accuracy = new double[Nb201Dataset.values().length][SIZE];

    private static final class Holder {
        static final Nb201Table TABLE = load();
    }

    private Nb201Table() {
        Arrays.fill(indexOfCode, -1);
    }

    /** The shared table (loaded on the first call, about 30 ms). */
    public static Nb201Table get() {
        return Holder.TABLE;
    }

    private static Nb201Table load() {
        try (InputStream raw = Nb201Table.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the nas jar");
            }
            return read(new GZIPInputStream(raw));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }

    /** Reads the compact CSV: header, then per NB201 index "ops,cifar10,cifar100,imagenet" with ops 6 digits 0..4. */
    static Nb201Table read(InputStream in) throws IOException {
        Nb201Table t = new Nb201Table();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        String header = r.readLine();
        if (header == null || !header.startsWith("ops,")) {
            throw new IOException(RESOURCE + ": bad header " + header);
        }
        int index = 0;
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 4 || f[0].length() != Nb201Cell.EDGES || index >= SIZE) {
                throw new IOException(RESOURCE + ": bad row " + (index + 2) + ": " + line);
            }
            int code = 0;
            for (int e = 0; e < Nb201Cell.EDGES; e++) {
                int d = f[0].charAt(e) - '0';
                if (d < 0 || d > 4) {
                    throw new IOException(RESOURCE + ": bad op digit in row " + (index + 2) + ": " + line);
                }
                code = code * 5 + d;
            }
            if (t.indexOfCode[code] >= 0) {
                throw new IOException(RESOURCE + ": duplicate cell in row " + (index + 2) + ": " + line);
            }
            t.indexOfCode[code] = index;
            t.codeOfIndex[index] = code;
            for (int c = 0; c < 3; c++) {
                t.accuracy[c][index] = Double.parseDouble(f[c + 1]);
            }
            index++;
        }
        if (index != SIZE) {
            throw new IOException(RESOURCE + ": expected " + SIZE + " rows, found " + index);
        }
        return t;
    }

    /** The cell's NB201 architecture index (row of the upstream table). */
    public int index(Nb201Cell cell) {
        return indexOfCode[cell.code()];
    }

    /** The cell at an NB201 index. */
    public Nb201Cell cell(int index) {
        if (index < 0 || index >= SIZE) {
            throw new IllegalArgumentException("NB201 index must be in 0.." + (SIZE - 1) + ", got " + index);
        }
        return Nb201Cell.ofCode(codeOfIndex[index]);
    }

    /** 200-epoch test accuracy (percent, mean over seeds) of a cell on a dataset. */
    public double accuracy(Nb201Cell cell, Nb201Dataset dataset) {
        return accuracy[dataset.ordinal()][index(cell)];
    }

    /** 200-epoch test accuracy at an NB201 index. */
    public double accuracy(int index, Nb201Dataset dataset) {
        return accuracy[dataset.ordinal()][index];
    }
}
