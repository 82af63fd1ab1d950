package dev.connectome.report.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The viewer in headless Chromium: the script runs without console errors, the slider position
 * (set through the page's {@code #frame=N} fragment) decides the frame drawn, and two positions give
 * different pictures. Skipped when no Chromium is on the PATH (CI installs it).
 */
class WiringViewerChromiumTest {

    @Test
    void movingTheSliderRedrawsTheEdges(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = findChromium();
        assumeTrue(chromium.isPresent(), "chromium is not installed");
        Path html = dir.resolve("wiring.html");
        WiringViewer.write(WiringFixtures.history(6, 400), html);

        // three browser launches (they are slow on a loaded machine): the frame-5 DOM, and a picture of each end
        String dom5 = run(chromium.get(), dir, "dom5", html.toUri() + "#frame=5", "--dump-dom");
        assertThat(dom5).contains("data-frame=\"5\"").contains("data-edges=\"400\"").contains("frame 6/6");
        assertThat(pathData(dom5)).contains("M");

        Path png0 = dir.resolve("f0.png"), png5 = dir.resolve("f5.png");
        run(chromium.get(), dir, "png0", html.toUri() + "#frame=0", "--screenshot=" + png0);
        run(chromium.get(), dir, "png5", html.toUri() + "#frame=5", "--screenshot=" + png5);
        BufferedImage a = ImageIO.read(png0.toFile()), b = ImageIO.read(png5.toFile());
        int differing = 0;
        for (int y = 0; y < a.getHeight(); y += 2) {
            for (int x = 0; x < a.getWidth(); x += 2) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        assertThat(differing).as("pixels that change with the slider").isGreaterThan(500);
    }

    /** The d attributes of the edge paths in a dumped DOM. */
    private static String pathData(String dom) {
        int at = dom.indexOf("id=\"edges\"");
        int end = dom.indexOf("</g>", at);
        return at < 0 || end < 0 ? "" : dom.substring(at, end);
    }

    private static String run(Path chromium, Path dir, String name, String url, String mode) throws Exception {
        Path profile = Files.createDirectories(dir.resolve("profile-" + name));
        List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile, "--window-size=1000,700", mode, url);
        Path out = dir.resolve(name + ".out"), log = dir.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String errors = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done).as("chromium finished within 120 s; log:\n" + errors).isTrue();
        List<String> problems = errors.lines()
                .filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught") || l.contains("Refused to")
                        || l.contains("Content Security Policy"))
                .toList();
        assertThat(problems).as("chromium log:\n" + errors).isEmpty();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static Optional<Path> findChromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        for (String d : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                candidates.add(Path.of(d, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
