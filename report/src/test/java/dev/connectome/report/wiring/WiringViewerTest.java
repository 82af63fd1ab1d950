package dev.connectome.report.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.wiring.WiringHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The viewer page's structure: self-contained, a slider over every frame, the data embedded. */
class WiringViewerTest {

    @Test
    void pageIsSelfContainedWithASliderOverAllFrames(@TempDir Path dir) throws Exception {
        WiringHistory h = WiringFixtures.history(7, 50);
        Path file = dir.resolve("sub/wiring.html");
        WiringViewer.write(h, file);
        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(html).contains("type=\"range\"").contains("max=\"6\"");
        assertThat(html).contains("Content-Security-Policy").contains("default-src &#39;none&#39;");
        assertThat(html).doesNotContain("https://").doesNotContain("src=\"").doesNotContain("href=");
        assertThat(html).contains("\"frames\":[{\"step\":0,");
        assertThat(html.split("\"step\":", -1)).hasSize(8);
        assertThat(html).contains("synthetic wiring");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.toList()).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void longHistoriesAreThinnedKeepingFirstAndLast() {
        WiringHistory h = WiringFixtures.history(300, 5);
        var thinned = WiringViewer.thin(h.snapshots(), 120);
        assertThat(thinned).hasSize(120);
        assertThat(thinned.get(0)).isSameAs(h.snapshots().get(0));
        assertThat(thinned.get(119)).isSameAs(h.snapshots().get(299));
        assertThatThrownBy(() -> WiringViewer.render(new WiringHistory("empty", h.layout(), List.of())))
                .hasMessageContaining("no snapshots");
    }
}
