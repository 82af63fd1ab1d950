package dev.connectome.report;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlWriterTest {

    @Test
    void escapesTextAndAttributes() {
        String html = new HtmlWriter()
                .element("p", "<script>alert('x') & \"y\"</script>", "title", "a\"b<c>&'d")
                .finish();
        assertThat(html).isEqualTo("<p title=\"a&quot;b&lt;c&gt;&amp;&#39;d\">"
                + "&lt;script&gt;alert('x') &amp; \"y\"&lt;/script&gt;</p>");
    }

    @Test
    void writesEmptyElementsSelfClosedAndSkipsNullAttributes() {
        String html = new HtmlWriter().empty("circle", "cx", "1", "r", null).finish();
        assertThat(html).isEqualTo("<circle cx=\"1\"/>");
    }

    @Test
    void replacesCharactersXmlForbidsButKeepsSurrogatePairs() {
        String text = "a\u0000b\u0007c\uD800d\uDFFFe 😀 \t\n";
        String html = new HtmlWriter().element("p", text, "data-x", "1\n2").finish();
        assertThat(html).contains("a\uFFFDb\uFFFDc\uFFFDd\uFFFDe 😀 \t\n").contains("data-x=\"1&#10;2\"");
        Document d = Xml.parse(html);
        assertThat(d.getDocumentElement().getAttribute("data-x")).isEqualTo("1\n2");
    }

    @Test
    void rejectsBadNamesAndUnbalancedMarkup() {
        assertThatThrownBy(() -> new HtmlWriter().start("p onclick=x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid tag name");
        assertThatThrownBy(() -> new HtmlWriter().start("p", "a b", "1")).hasMessageContaining("invalid attribute name");
        assertThatThrownBy(() -> new HtmlWriter().start("p", "odd")).hasMessageContaining("name/value pairs");
        assertThatThrownBy(() -> new HtmlWriter().start("div").end("span")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("would close <div>");
        assertThatThrownBy(() -> new HtmlWriter().end("p")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new HtmlWriter().start("p").finish()).hasMessageContaining("unclosed <p>");
        HtmlWriter open = new HtmlWriter().start("b");
        assertThatThrownBy(() -> new HtmlWriter().append(open)).hasMessageContaining("unclosed <b>");
    }

    @Test
    void wrappableTextOffersBreaksWithoutChangingTheText() {
        String html = new HtmlWriter().start("td").wrappable("|a~0|+|b<1|+|c~2|", "+").end("td").finish();
        assertThat(html).isEqualTo("<td>|a~0|+<wbr/>|b&lt;1|+<wbr/>|c~2|</td>");
        assertThat(Xml.parse(html).getDocumentElement().getTextContent()).isEqualTo("|a~0|+|b<1|+|c~2|");
        assertThat(new HtmlWriter().wrappable("a_", "_").finish()).isEqualTo("a_");
    }

    @Test
    void styleRejectsMarkupCharacters() {
        assertThatThrownBy(() -> new HtmlWriter().style("p{}</style><script>")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HtmlWriter().style("p { color: red; }").finish()).isEqualTo("<style>p { color: red; }</style>");
    }

    @Property(tries = 300)
    void anyTextSurvivesAnXmlRoundTrip(@ForAll String text) {
        String html = new HtmlWriter().start("div", "title", text).text(text).end("div").finish();
        Document d = Xml.parse(html);
        String expected = sanitize(text);
        // XML normalises \r\n and lone \r in content to \n
        assertThat(d.getDocumentElement().getTextContent()).isEqualTo(expected.replace("\r\n", "\n").replace('\r', '\n'));
        assertThat(d.getDocumentElement().getAttribute("title")).isEqualTo(expected);
    }

    /** What the writer promises to keep: everything but XML-forbidden characters, which become U+FFFD. */
    private static String sanitize(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || Character.isSurrogate(c)
                    || c == 0xFFFE || c == 0xFFFF) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
