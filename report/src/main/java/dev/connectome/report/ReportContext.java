package dev.connectome.report;

import java.util.HashMap;
import java.util.Map;

/**
 * Services a report offers its sections while it is rendered: document-unique element ids (SVG
 * gradients, clip paths and anchors need ids that do not collide across sections).
 *
 * <p>Created by {@link Report} for one rendering; not thread-safe.
 */
public final class ReportContext {

    private final Map<String, Integer> counters = new HashMap<>();

    ReportContext() {
    }

    /** A fresh context, for rendering a section on its own (tests, embedding). */
    public static ReportContext standalone() {
        return new ReportContext();
    }

    /**
     * An id unique within this report, built from {@code prefix} (letters, digits, '-' and '_'
     * are kept; anything else becomes '-').
     */
    public String uniqueId(String prefix) {
        String clean = slug(prefix);
        int n = counters.merge(clean, 1, Integer::sum);
        return n == 1 ? clean : clean + "-" + n;
    }

    static String slug(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            char k = keep ? c : '-';
            if (k == '-' && (b.length() == 0 || b.charAt(b.length() - 1) == '-')) {
                continue;
            }
            b.append(k);
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
            b.setLength(b.length() - 1);
        }
        // ids must start with a letter to be valid everywhere (CSS selectors, XML ids)
        return b.length() == 0 || !Character.isLetter(b.charAt(0)) ? "s-" + b : b.toString();
    }
}
