package dev.connectome.report.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectome.report.HtmlWriter;
import dev.connectome.report.ReportContext;
import dev.connectome.report.ReportSection;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where the results came from: the study's resolved settings and its provenance (seeds, data
 * checksums, code version, JVM, machine), each JSON document flattened into a table of dotted
 * keys ({@code jvm.version}, {@code datasets[0].sha256}). A document that is not valid JSON is
 * shown verbatim, so nothing stored is hidden.
 */
public final class ProvenanceSection implements ReportSection {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String settingsJson;
    private final String provenanceJson;

    public ProvenanceSection(String settingsJson, String provenanceJson) {
        this.settingsJson = settingsJson == null ? "{}" : settingsJson;
        this.provenanceJson = provenanceJson == null ? "{}" : provenanceJson;
    }

    @Override
    public String title() {
        return "Settings and provenance";
    }

    @Override
    public void render(ReportContext context, HtmlWriter out) {
        document(out, "Resolved settings", settingsJson);
        document(out, "Provenance", withoutRepeatedSettings(provenanceJson, settingsJson));
    }

    /** Provenance repeats the settings under "settings"; shown once above, they are dropped here. */
    private static String withoutRepeatedSettings(String provenance, String settings) {
        try {
            JsonNode p = JSON.readTree(provenance);
            JsonNode s = JSON.readTree(settings);
            if (p instanceof com.fasterxml.jackson.databind.node.ObjectNode o && s != null
                    && s.equals(o.get("settings"))) {
                o.remove("settings");
                return JSON.writeValueAsString(o);
            }
        } catch (JsonProcessingException e) {
            // shown verbatim by document()
        }
        return provenance;
    }

    private static void document(HtmlWriter out, String heading, String json) {
        out.element("h3", heading);
        Map<String, String> rows;
        try {
            rows = flatten(json);
        } catch (JsonProcessingException e) {
            out.element("p", "Not valid JSON (" + e.getOriginalMessage() + "); stored text:", "class", "note");
            out.element("pre", json, "class", "mono");
            return;
        }
        if (rows.isEmpty()) {
            out.element("p", "Nothing recorded.", "class", "note");
            return;
        }
        KeyValueTable.render(out, rows, Set.copyOf(rows.keySet()));
    }

    /** The leaves of a JSON document as dotted paths to text, in document order. */
    static Map<String, String> flatten(String json) throws JsonProcessingException {
        Map<String, String> rows = new LinkedHashMap<>();
        JsonNode root = JSON.readTree(json);
        if (root != null && !root.isMissingNode()) {
            walk("", root, rows);
        }
        return rows;
    }

    private static void walk(String path, JsonNode node, Map<String, String> rows) {
        if (node.isObject()) {
            if (node.isEmpty() && !path.isEmpty()) {
                rows.put(path, "{}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), rows);
            }
        } else if (node.isArray()) {
            if (node.isEmpty()) {
                rows.put(path, "[]");
            }
            for (int i = 0; i < node.size(); i++) {
                walk(path + "[" + i + "]", node.get(i), rows);
            }
        } else {
            rows.put(path.isEmpty() ? "(value)" : path, node.isNull() ? "null" : node.asText());
        }
    }
}
