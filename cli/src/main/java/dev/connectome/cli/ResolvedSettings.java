package dev.connectome.cli;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The settings a command runs with after YAML defaults and flags are merged, as one compact line
 * ({@code settings: epochs=5 batch=128 ...}) printed when a command starts.
 */
final class ResolvedSettings {
    private ResolvedSettings() {
    }

    static String line(CommandSpec spec) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : map(spec).entrySet()) {
            parts.add(e.getKey() + "=" + text(e.getValue()));
        }
        return "settings: " + String.join(" ", parts);
    }

    /**
     * The resolved option values by YAML key (long name without dashes); unset optional values are
     * left out. Stored in model files, it can be written back as a {@code --config} file.
     */
    static Map<String, Object> map(CommandSpec spec) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            if (o.usageHelp() || o.versionHelp() || name.equals("--verbose") || name.equals("--config")
                    || !name.startsWith("--")) {
                continue;
            }
            Object v = o.getValue();
            if (v == null) {
                continue;
            }
            if (v.getClass().isArray()) {
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < Array.getLength(v); i++) {
                    items.add(Array.get(v, i));
                }
                v = items;
            } else if (v instanceof java.nio.file.Path p) {
                v = p.toString();
            }
            out.put(name.substring(2), v);
        }
        return out;
    }

    static String text(Object v) {
        if (v instanceof List<?> items) {
            List<String> parts = new ArrayList<>();
            for (Object item : items) {
                parts.add(String.valueOf(item));
            }
            return String.join(",", parts);
        }
        return String.valueOf(v);
    }
}
