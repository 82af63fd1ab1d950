package dev.connectome.nas.data;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a CSV table (UTF-8, comma separated, RFC 4180 quoting: fields may be enclosed in double
 * quotes, which may contain commas, newlines and doubled quotes) with a header row. One column,
 * chosen by name, holds the label; every other column must be numeric and becomes a feature, in
 * column order (sample shape {features}).
 *
 * <p>Labels: if every label is a non-negative integer, the label is that integer and the classes
 * are "0".."max". Otherwise the distinct label strings are sorted (String order) and numbered, so
 * the mapping does not depend on row order and a train and a test file with the same classes agree.
 * Pass explicit class names to fix the mapping. Empty fields are errors, not zeros. A quote inside
 * an unquoted field is kept as a literal character.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** Reads {@code csv} with the label in column {@code labelColumn}; classes are inferred (see class doc). */
    public static Dataset read(Path csv, String labelColumn) {
        return read(csv, labelColumn, null);
    }

    /**
     * Reads {@code csv}; each label must equal one of {@code classNames} (or, if null, classes are inferred).
     *
     * @throws DataException naming the file and line on any problem
     */
    public static Dataset read(Path csv, String labelColumn, List<String> classNames) {
        String file = DataFiles.shortName(csv);
        String text;
        try {
            byte[] raw = Files.readAllBytes(csv);
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(raw)).toString();
        } catch (NoSuchFileException e) {
            throw new DataException(csv + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new DataException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new DataException(csv + ": cannot read: " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = parse(text, file);
        if (rows.isEmpty()) {
            throw new DataException(file + ": empty file");
        }
        List<String> header = rows.get(0).fields;
        int labelCol = header.indexOf(labelColumn);
        if (labelCol < 0) {
            throw new DataException(file + ": no column named '" + labelColumn + "' (columns: " + header + ")");
        }
        int n = rows.size() - 1;
        if (n == 0) {
            throw new DataException(file + ": header only, no data rows");
        }
        int numFeatures = header.size() - 1;
        if (numFeatures == 0) {
            throw new DataException(file + ": no feature columns besides '" + labelColumn + "'");
        }
        float[] features = new float[n * numFeatures];
        String[] rawLabels = new String[n];
        for (int r = 0; r < n; r++) {
            Row row = rows.get(r + 1);
            if (row.fields.size() != header.size()) {
                throw new DataException(file + ": line " + row.line + ": " + row.fields.size() + " fields, header has "
                        + header.size());
            }
            int f = 0;
            for (int c = 0; c < header.size(); c++) {
                String v = row.fields.get(c).strip();
                if (v.isEmpty()) {
                    throw new DataException(file + ": line " + row.line + ": missing value in column '"
                            + header.get(c) + "'");
                }
                if (c == labelCol) {
                    rawLabels[r] = v;
                    continue;
                }
                float x;
                try {
                    x = Float.parseFloat(v);
                } catch (NumberFormatException e) {
                    throw new DataException(file + ": line " + row.line + ": column '" + header.get(c) + "': '" + v
                            + "' is not a number");
                }
                if (!Float.isFinite(x)) {
                    throw new DataException(file + ": line " + row.line + ": column '" + header.get(c) + "': " + v
                            + " is not a finite number");
                }
                features[r * numFeatures + f++] = x;
            }
        }
        boolean numeric = classNames == null && allIntegers(rawLabels);
        if (numeric) {
            for (int r = 0; r < n; r++) {
                rawLabels[r] = Integer.toString(Integer.parseInt(rawLabels[r])); // "007" is class 7
            }
        }
        List<String> names = classNames != null ? List.copyOf(classNames)
                : numeric ? numberedUpToMax(rawLabels) : List.copyOf(new TreeSet<>(List.of(rawLabels)));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int[] labels = new int[n];
        for (int r = 0; r < n; r++) {
            Integer l = index.get(rawLabels[r]);
            if (l == null) {
                throw new DataException(file + ": line " + rows.get(r + 1).line + ": label '" + rawLabels[r]
                        + "' is not one of the " + names.size() + " classes " + abbreviate(names));
            }
            labels[r] = l;
        }
        return Dataset.wrap(IdxReader.baseName(file), features, labels, new int[] {numFeatures}, names);
    }

    private static boolean allIntegers(String[] labels) {
        for (String s : labels) {
            if (!s.matches("\\d{1,9}")) {
                return false;
            }
        }
        return true;
    }

    private static List<String> numberedUpToMax(String[] labels) {
        int max = 0;
        for (String s : labels) {
            max = Math.max(max, Integer.parseInt(s));
        }
        return Dataset.numberedClasses(max + 1);
    }

    private static String abbreviate(List<String> names) {
        return names.size() <= 10 ? names.toString() : names.subList(0, 10) + "...";
    }

    private record Row(int line, List<String> fields) {
    }

    /** Splits RFC 4180 text into rows of fields; blank lines are skipped. */
    static List<Row> parse(String text, String file) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        int line = 1;
        int rowLine = 1;
        int quoteLine = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
                quoteLine = line;
                field.setLength(0);
            } else if (ch == '"' && fieldWasQuoted) {
                throw new DataException(file + ": line " + line + ": text after a closing quote");
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                endRow(rows, fields, field, fieldWasQuoted, rowLine);
                fields = new ArrayList<>();
                field.setLength(0);
                fieldWasQuoted = false;
                line++;
                rowLine = line;
            } else {
                if (fieldWasQuoted && !Character.isWhitespace(ch)) {
                    throw new DataException(file + ": line " + line + ": text after a closing quote");
                }
                if (!fieldWasQuoted) {
                    field.append(ch);
                }
            }
        }
        if (quoted) {
            throw new DataException(file + ": line " + quoteLine + ": quoted field is never closed");
        }
        endRow(rows, fields, field, fieldWasQuoted, rowLine);
        return rows;
    }

    private static void endRow(List<Row> rows, List<String> fields, StringBuilder field, boolean wasQuoted, int line) {
        if (fields.isEmpty() && field.length() == 0 && !wasQuoted) {
            return; // blank line
        }
        fields.add(field.toString());
        rows.add(new Row(line, List.copyOf(fields)));
    }
}
