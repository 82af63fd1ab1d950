package dev.connectome.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Streams well-formed, XHTML-compatible markup (HTML and inline SVG) into a buffer.
 *
 * <p>All text and attribute values are escaped, and tag and attribute names are checked, so a
 * section cannot inject markup by accident: there is deliberately no "raw" method. Elements must be
 * closed in order ({@link #end(String)} checks the name), and empty elements are written in the
 * self-closing XML form ({@code <br/>}), which both HTML parsers and strict XML parsers accept.
 * Characters that XML forbids (most C0 controls, lone surrogates) are replaced by U+FFFD.
 *
 * <p>Not thread-safe; one writer per document or fragment.
 */
public final class HtmlWriter {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_:-]*");

    private final StringBuilder out = new StringBuilder(4096);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens {@code tag} with attributes given as name/value pairs; a null value omits that attribute. */
    public HtmlWriter start(String tag, String... attributes) {
        openTag(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element, which must be {@code tag}. */
    public HtmlWriter end(String tag) {
        if (open.isEmpty()) {
            throw new IllegalStateException("</" + tag + "> has no open element to close");
        }
        String top = open.pop();
        if (!top.equals(tag)) {
            throw new IllegalStateException("</" + tag + "> would close <" + top + ">");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Writes an element without content in self-closing form, e.g. {@code <circle cx="1"/>}. */
    public HtmlWriter empty(String tag, String... attributes) {
        openTag(tag, attributes);
        out.append("/>");
        return this;
    }

    /** Writes {@code <tag attrs>text</tag>}, escaping the text. */
    public HtmlWriter element(String tag, String text, String... attributes) {
        return start(tag, attributes).text(text).end(tag);
    }

    /** Writes escaped character data; null writes nothing. */
    public HtmlWriter text(String text) {
        if (text != null) {
            escape(text, false);
        }
        return this;
    }

    /**
     * Writes escaped text with a line-break opportunity ({@code <wbr/>}) after every character in
     * {@code breakAfter}: long identifiers (architecture strings, metric names) then wrap at
     * meaningful places, and copying the text still yields the original characters.
     */
    public HtmlWriter wrappable(String text, String breakAfter) {
        if (text == null) {
            return this;
        }
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            if (breakAfter.indexOf(text.charAt(i)) >= 0 && i + 1 < text.length()) {
                escape(text.substring(from, i + 1), false);
                out.append("<wbr/>");
                from = i + 1;
            }
        }
        escape(text.substring(from), false);
        return this;
    }

    /** A line break in the source (not in the rendered page), to keep the file readable. */
    public HtmlWriter newline() {
        out.append('\n');
        return this;
    }

    /**
     * Writes a {@code <style>} element. CSS is not escaped (escaping would change its meaning), so
     * it may not contain {@code <} or {@code &}, which keeps the element valid as HTML and as XML.
     */
    public HtmlWriter style(String css) {
        if (css.indexOf('<') >= 0 || css.indexOf('&') >= 0) {
            throw new IllegalArgumentException("inline CSS may not contain '<' or '&'");
        }
        out.append("<style>").append(css).append("</style>");
        return this;
    }

    /** Appends a complete fragment (every element closed) written by another writer. */
    public HtmlWriter append(HtmlWriter fragment) {
        if (!fragment.open.isEmpty()) {
            throw new IllegalStateException("fragment has unclosed <" + fragment.open.peek() + ">");
        }
        out.append(fragment.out);
        return this;
    }

    /** Number of elements currently open. */
    public int depth() {
        return open.size();
    }

    /** The markup written so far; every element must be closed. */
    public String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed <" + open.peek() + "> (" + open.size() + " open elements)");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void openTag(String tag, String[] attributes) {
        checkName(tag, "tag");
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes of <" + tag + "> must be name/value pairs, got "
                    + attributes.length + " strings");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            String name = attributes[i];
            checkName(name, "attribute");
            String value = attributes[i + 1];
            if (value == null) {
                continue;
            }
            out.append(' ').append(name).append("=\"");
            escape(value, true);
            out.append('"');
        }
    }

    private static void checkName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid " + what + " name: " + name);
        }
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\'' -> out.append(attribute ? "&#39;" : "'");
                case '\t', '\n', '\r' -> out.append(attribute ? "&#" + (int) c + ";" : String.valueOf(c));
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
