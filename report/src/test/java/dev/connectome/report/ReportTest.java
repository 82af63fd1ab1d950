package dev.connectome.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {

    private static ReportSection section(String title, String body) {
        return new ReportSection() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public void render(ReportContext context, HtmlWriter out) {
                out.element("p", body, "id", context.uniqueId("para"));
            }
        };
    }

    private static final ReportSection BROKEN = new ReportSection() {
        @Override
        public String title() {
            return "Broken";
        }

        @Override
        public void render(ReportContext context, HtmlWriter out) {
            out.start("div").start("p");
            throw new IllegalStateException("boom <here>");
        }
    };

    @Test
    void rendersAWellFormedSelfContainedDocument() {
        Report r = Report.builder("Study <x> & co").optSubtitle("sub").optGenerator("connectome test")
                .optGeneratedAt(Instant.parse("2024-01-02T03:04:05.678Z"))
                .addSection(section("One", "first")).addSection(section("One", "second"))
                .addSection(section("Two & more", "third")).build();
        String html = r.render();
        assertThat(html).startsWith("<!DOCTYPE html>\n<html");
        Document d = Xml.parse(html);
        assertThat(d.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Study <x> & co");
        assertThat(html).contains("Study &lt;x&gt; &amp; co").contains("2024-01-02T03:04:05Z");
        // nothing that could fetch from the network
        assertThat(html.replaceAll("xmlns=\"http://www.w3.org/[0-9]+/[a-z]+\"", "")).doesNotContain("<script", "<link", "src=", "http://", "https://", "@import", "url(")
                .contains("default-src &#39;none&#39;");

        // the table of contents links to every section, and all ids are unique
        NodeList sections = d.getElementsByTagName("section");
        assertThat(sections.getLength()).isEqualTo(3);
        NodeList links = d.getElementsByTagName("a");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < sections.getLength(); i++) {
            String id = ((Element) sections.item(i)).getAttribute("id");
            assertThat(((Element) links.item(i)).getAttribute("href")).isEqualTo("#" + id);
            ids.add(id);
        }
        NodeList paras = d.getElementsByTagName("p");
        for (int i = 0; i < paras.getLength(); i++) {
            String id = ((Element) paras.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                assertThat(ids.add(id)).as("duplicate id " + id).isTrue();
            }
        }
        assertThat(ids).contains("sec-one", "sec-one-2", "sec-two-more", "para", "para-2", "para-3");
    }

    @Test
    void isReproducibleWithoutATimestamp() {
        Report r = Report.builder("t").addSection(section("A", "a")).build();
        assertThat(r.render()).isEqualTo(r.render()).doesNotContain(" on 20");
    }

    @Test
    void aSectionThatThrowsIsReplacedByANote() {
        String html = Report.builder("t").addSection(BROKEN).addSection(section("After", "still here")).build().render();
        Xml.parse(html);
        assertThat(html).contains("This section could not be rendered: java.lang.IllegalStateException: boom &lt;here&gt;")
                .contains("still here");
    }

    @Test
    void writesAtomicallyAndReplacesAnOlderReport(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nested/deeper/report.html");
        Report.builder("first").build().writeTo(file);
        assertThat(Files.readString(file)).contains("<title>first</title>");
        Report.builder("second").addSection(section("S", "x".repeat(100_000))).build().writeTo(file);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains("<title>second</title>").endsWith("</html>\n");
        Xml.parse(text);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void theReportGetsTheUsualPermissionsNotOwnerOnly(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
        Path report = dir.resolve("r.html");
        Report.builder("t").build().writeTo(report);
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFileBehind(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.html");
        Files.createDirectories(target.resolve("occupied"));
        Files.writeString(target.resolve("occupied/keep.txt"), "keep");
        // the target is a non-empty directory, so the final rename must fail
        assertThatThrownBy(() -> Report.builder("t").build().writeTo(target)).isInstanceOf(IOException.class);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(Files.readString(target.resolve("occupied/keep.txt"))).isEqualTo("keep");
    }

    @Test
    void uniqueIdsAreSlugsStartingWithALetter() {
        ReportContext c = ReportContext.standalone();
        assertThat(c.uniqueId("Best so far!")).isEqualTo("best-so-far");
        assertThat(c.uniqueId("Best so far?")).isEqualTo("best-so-far-2");
        assertThat(c.uniqueId("42 things")).isEqualTo("s-42-things");
        assertThat(c.uniqueId("<>")).isEqualTo("s-");
    }
}
