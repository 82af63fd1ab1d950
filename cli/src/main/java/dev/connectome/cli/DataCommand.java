package dev.connectome.cli;

import dev.connectome.nas.data.DataFetcher;
import dev.connectome.nas.data.DataSource;
import dev.connectome.nas.data.ProgressListener;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code connectome data get|ls}: download data sets (SHA-256 verified) and show what is present. */
@Command(name = "data", usageHelpAutoWidth = true,
        description = "Download data sets and list what is present.")
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: get or ls");
    }

    /** {@code data get NAME}. */
    @Command(name = "get", usageHelpAutoWidth = true,
            description = {"Download a data set from its public mirrors into DIR/NAME, verify every file's SHA-256,",
                "and resume an interrupted download. Files appear under their final names only when verified."})
    static final class Get implements Callable<Integer> {
        private final Io io;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "mnist or fashion-mnist.")
        String name;

        @Option(names = "--to", paramLabel = "DIR", defaultValue = "${env:CONNECTOME_DATA:-data}",
                description = "Data directory (default: $CONNECTOME_DATA, else ./data).")
        Path to;

        @Option(names = "--mirror", paramLabel = "URL", hidden = true,
                description = "Use this mirror base URL instead of the built-in ones (repeatable; for testing).")
        List<String> mirrors;

        @Mixin
        CommonOptions common;

        Get(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            DataSource source = DataSource.byName(name).orElseThrow(() -> new UserException("unknown data set '" + name
                    + "' to download (known: " + DataSource.all().stream().map(DataSource::name)
                    .collect(Collectors.joining(", ")) + ")"));
            if (mirrors != null && !mirrors.isEmpty()) {
                List<URI> uris = new ArrayList<>();
                for (String m : mirrors) {
                    try {
                        uris.add(new URI(m.endsWith("/") ? m : m + "/"));
                    } catch (URISyntaxException e) {
                        throw new UserException("--mirror: not a URL: " + m);
                    }
                }
                source = source.withMirrors(uris);
            }
            io.out().println(ResolvedSettings.line(spec) + " name=" + source.name());
            Path dir = new DataFetcher().fetch(source, to, new DownloadProgress(io));
            io.out().println(source.name() + ": " + source.files().size() + " files verified in " + dir);
            return ExitCodes.OK;
        }
    }

    /** {@code data ls}. */
    @Command(name = "ls", usageHelpAutoWidth = true,
            description = "List the downloadable data sets and their state in the data directory.")
    static final class Ls implements Callable<Integer> {
        private final Io io;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = "${env:CONNECTOME_DATA:-data}",
                description = "Data directory (default: $CONNECTOME_DATA, else ./data).")
        Path dir;

        @Mixin
        CommonOptions common;

        Ls(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            io.out().println("data directory: " + dir.toAbsolutePath().normalize());
            io.out().printf(Locale.ROOT, "  %-14s %-10s %s%n", "mnist-sample", "embedded",
                    "10,000 train / 2,000 test digits inside the jar (the default data set)");
            for (DataFetcher.Status s : DataFetcher.list(dir)) {
                long verified = s.files().stream().filter(f -> f.state() == DataFetcher.FileState.VERIFIED).count();
                String state = s.complete() ? "complete" : s.present() ? "partial" : "missing";
                String detail = s.present()
                        ? verified + "/" + s.files().size() + " files verified in " + s.directory()
                        + problems(s)
                        : "get it with: connectome data get " + s.source().name() + " --to " + dir;
                io.out().printf(Locale.ROOT, "  %-14s %-10s %s%n", s.source().name(), state, detail);
            }
            return ExitCodes.OK;
        }

        private static String problems(DataFetcher.Status s) {
            List<String> bad = new ArrayList<>();
            for (DataFetcher.FileStatus f : s.files()) {
                if (f.state() != DataFetcher.FileState.VERIFIED) {
                    bad.add(f.file() + " " + f.state().name().toLowerCase(Locale.ROOT));
                }
            }
            return bad.isEmpty() ? "" : " (" + String.join(", ", bad) + ")";
        }
    }

    /** Download progress: redrawn in place on a terminal, one line per file otherwise. */
    private static final class DownloadProgress implements ProgressListener {
        private final Io io;
        private long lastDraw;

        DownloadProgress(Io io) {
            this.io = io;
        }

        @Override
        public void progress(String file, long done, long total) {
            if (!io.tty()) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastDraw < 100_000_000L && done != total) {
                return;
            }
            lastDraw = now;
            String size = total > 0
                    ? String.format(Locale.ROOT, "%3d%% %.1f/%.1f MB", 100 * done / total, done / 1e6, total / 1e6)
                    : String.format(Locale.ROOT, "%.1f MB", done / 1e6);
            io.out().print("\r" + file + " " + size + "   ");
            io.out().flush();
        }

        @Override
        public void message(String line) {
            io.out().println((io.tty() ? "\r" : "") + line);
            io.out().flush();
        }
    }
}
