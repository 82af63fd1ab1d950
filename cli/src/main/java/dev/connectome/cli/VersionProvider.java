package dev.connectome.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * {@code --version}: the Implementation-Version of the jar manifest, plus the git commit of the
 * checkout the jar sits in when there is one (read from {@code .git} directly, no git process).
 */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = version();
        String commit = GitCommit.find(jarDirectory());
        return new String[] {
            "connectome " + version + (commit != null ? " (commit " + commit + ")" : ""),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }

    /** The manifest's Implementation-Version, or "dev" when running from classes (tests, IDE). */
    static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    static Path jarDirectory() {
        try {
            var source = VersionProvider.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return Files.isDirectory(p) ? p : p.getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** Reads HEAD of the nearest enclosing git checkout. */
    static final class GitCommit {
        private GitCommit() {
        }

        static String find(Path start) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                Path git = dir.resolve(".git");
                if (Files.isDirectory(git)) {
                    return read(git);
                }
            }
            return null;
        }

        private static String read(Path git) {
            try {
                String head = Files.readString(git.resolve("HEAD")).strip();
                if (!head.startsWith("ref: ")) {
                    return shorten(head);
                }
                String ref = head.substring(5);
                Path loose = git.resolve(ref);
                if (Files.isRegularFile(loose)) {
                    return shorten(Files.readString(loose).strip());
                }
                Path packed = git.resolve("packed-refs");
                if (Files.isRegularFile(packed)) {
                    for (String line : Files.readAllLines(packed)) {
                        if (line.endsWith(" " + ref)) {
                            return shorten(line.substring(0, line.indexOf(' ')));
                        }
                    }
                }
                return null;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        private static String shorten(String sha) {
            return sha.length() >= 12 ? sha.substring(0, 12) : sha;
        }
    }
}
