package dev.connectome.report.study;

import dev.connectome.report.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens a study report in headless Chromium, renders it to PNG and fails on console errors or
 * blocked network requests. Skipped when no Chromium is on the PATH (.ci/run installs it).
 * Set CONNECTOME_REPORT_SNAPSHOT_DIR to keep the HTML and PNG for a look.
 */
class ChromiumRenderTest {

    @Test
    void theReportRendersInHeadlessChromiumWithoutErrors(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = findChromium();
        assumeTrue(chromium.isPresent(), "chromium is not installed");

        RealStudies study = RealStudies.evolution(100, 11);
        Report report = StudyReport.of(study.info(), study.trials());
        Path html = dir.resolve("report.html");
        report.writeTo(html);
        Path png = dir.resolve("report.png");
        Path profile = Files.createDirectories(dir.resolve("profile"));

        List<String> cmd = List.of(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                "--user-data-dir=" + profile, "--screenshot=" + png, "--window-size=1200,2000",
                html.toUri().toString());
        Path log = dir.resolve("chromium.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        keepSnapshot(html, png);
        assertThat(done).as("chromium finished within 120 s; log:\n" + output).isTrue();
        assertThat(png).as("screenshot written; log:\n" + output).exists();

        // The page has no scripts, so any console message is a problem: uncaught errors, failed loads, and
        // Content-Security-Policy violations (which is how an attempted network fetch shows up).
        List<String> problems = output.lines()
                .filter(l -> l.contains(":CONSOLE") || l.contains("Uncaught") || l.contains("ERR_")
                        || l.contains("Refused to") || l.contains("Content Security Policy"))
                .toList();
        assertThat(problems).as("chromium log:\n" + output).isEmpty();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(2000);
        assertThat(Files.size(png)).isGreaterThan(20_000);
        assertThat(distinctColours(image)).as("a page with charts has many colours").isGreaterThan(50);
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static Optional<Path> findChromium() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                candidates.add(Path.of(dir, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    private static void keepSnapshot(Path html, Path png) throws IOException {
        String keep = System.getenv("CONNECTOME_REPORT_SNAPSHOT_DIR");
        if (keep == null || keep.isBlank()) {
            return;
        }
        Path out = Files.createDirectories(Path.of(keep));
        for (Path f : Stream.of(html, png).filter(Files::exists).toList()) {
            Files.copy(f, out.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
