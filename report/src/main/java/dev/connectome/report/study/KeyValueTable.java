package dev.connectome.report.study;

import dev.connectome.report.HtmlWriter;

import java.util.Map;
import java.util.Set;

/** A two-column table of names and values. */
final class KeyValueTable {

    private KeyValueTable() {
    }

    /** Renders the rows in map order; values whose key is in {@code monoKeys} are set in monospace. */
    static void render(HtmlWriter out, Map<String, String> rows, Set<String> monoKeys) {
        out.start("table", "class", "kv").start("tbody");
        for (Map.Entry<String, String> e : rows.entrySet()) {
            out.start("tr").element("th", e.getKey(), "scope", "row").element("td", e.getValue(), "class",
                    monoKeys.contains(e.getKey()) ? "mono" : null)
                    .end("tr");
        }
        out.end("tbody").end("table").newline();
    }
}
