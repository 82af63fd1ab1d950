package dev.connectome.nas.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a {@link DataSource} into {@code dir/NAME/}, file by file: each file goes to
 * {@code FILE.part}, resuming an earlier partial download with an HTTP Range request when the
 * server honours it (otherwise restarting), is checked against its pinned SHA-256, and only then is
 * moved atomically to its final name, so a final file is never half-written. A checksum mismatch
 * deletes the part file and tries the next mirror; an HTTP error or a stalled connection tries the
 * next mirror and keeps the part for a later resume.
 *
 * <p>Not safe for two processes fetching into the same directory at once.
 */
public final class DataFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(DataFetcher.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");

    /** Default time to connect and to receive response headers. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
    /** Default time without receiving any body bytes before a download is abandoned. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration stallTimeout;

    /** A fetcher with the default timeouts. */
    public DataFetcher() {
        this(DEFAULT_CONNECT_TIMEOUT, DEFAULT_STALL_TIMEOUT);
    }

    /**
     * @param connectTimeout time to connect and to receive response headers
     * @param stallTimeout   time without body bytes before a download is abandoned
     */
    public DataFetcher(Duration connectTimeout, Duration stallTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = Objects.requireNonNull(connectTimeout);
        this.stallTimeout = Objects.requireNonNull(stallTimeout);
    }

    /** Verification state of one file on disk. */
    public enum FileState {
        /** present and matching a pinned sum */
        VERIFIED,
        /** present but matching neither pinned sum */
        CORRUPT,
        /** only a partial download ({@code .part}) exists */
        PARTIAL,
        /** absent */
        MISSING
    }

    /** One file's state. */
    public record FileStatus(String file, FileState state, long bytes) {
    }

    /**
     * What is on disk for one data source.
     *
     * @param source    the data source
     * @param directory where its files are expected ({@code dir/NAME})
     * @param files     one status per file of the source
     */
    public record Status(DataSource source, Path directory, List<FileStatus> files) {
        /** Copies the list. */
        public Status {
            files = List.copyOf(files);
        }

        /** True when every file is verified. */
        public boolean complete() {
            return files.stream().allMatch(f -> f.state() == FileState.VERIFIED);
        }

        /** True when any file or part file exists. */
        public boolean present() {
            return files.stream().anyMatch(f -> f.state() != FileState.MISSING);
        }
    }

    /**
     * Downloads every file of {@code source} that is not already present and verified.
     *
     * @return the directory holding the files, {@code dir/NAME}
     * @throws DataException one line naming the file and why each mirror failed, when a file cannot be fetched
     */
    public Path fetch(DataSource source, Path dir, ProgressListener listener) {
        Path target = dir.resolve(source.name());
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new DataException(target + ": cannot create directory: " + e.getMessage(), e);
        }
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "connectome-download-watchdog");
            t.setDaemon(true);
            return t;
        });
        try {
            for (DataSource.RemoteFile file : source.files()) {
                fetchFile(source, file, target, listener, watchdog);
            }
        } finally {
            watchdog.shutdownNow();
        }
        return target;
    }

    private void fetchFile(DataSource source, DataSource.RemoteFile file, Path target, ProgressListener listener,
                           ScheduledExecutorService watchdog) {
        Path dest = target.resolve(file.name());
        if (Files.isRegularFile(dest) && verified(dest, file)) {
            listener.message(source.name() + "/" + file.name() + ": already present and verified");
            return;
        }
        Path part = target.resolve(file.name() + ".part");
        List<String> failures = new ArrayList<>();
        for (URI mirror : source.mirrors()) {
            URI uri = mirror.resolve(file.name());
            try {
                download(uri, part, file.name(), listener, watchdog);
                if (!verified(part, file)) {
                    String got = FileDigests.of(part);
                    Files.deleteIfExists(part);
                    failures.add(uri + ": SHA-256 mismatch (got " + got + ", expected " + file.sha256() + ")");
                    listener.message(file.name() + ": " + uri + " served a file with the wrong SHA-256; trying next mirror");
                    continue;
                }
                moveAtomically(part, dest);
                listener.message(source.name() + "/" + file.name() + ": downloaded and verified from " + mirror);
                LOG.info("fetched {} from {}", dest, uri);
                return;
            } catch (IOException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                failures.add(uri + ": " + why);
                listener.message(file.name() + ": " + uri + ": " + why + "; trying next mirror");
                LOG.debug("mirror failed for {}", uri, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataException(source.name() + "/" + file.name() + ": download interrupted", e);
            }
        }
        throw new DataException("could not fetch " + source.name() + "/" + file.name() + " from "
                + source.mirrors().size() + " mirror(s): " + String.join("; ", failures));
    }

    /** Downloads {@code uri} into {@code part}, resuming from its current length when possible. */
    private void download(URI uri, Path part, String file, ProgressListener listener,
                          ScheduledExecutorService watchdog) throws IOException, InterruptedException {
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET();
        if (have > 0) {
            req.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        int status = resp.statusCode();
        long total = resp.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean append = false;
        if (status == 206 && have > 0) {
            Matcher m = CONTENT_RANGE.matcher(resp.headers().firstValue("Content-Range").orElse(""));
            if (m.matches() && Long.parseLong(m.group(1)) == have) {
                append = true;
                total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
                listener.message(file + ": resuming at byte " + have);
            } else {
                resp.body().close();
                Files.deleteIfExists(part); // a range we did not ask for: start again cleanly
                download(uri, part, file, listener, watchdog);
                return;
            }
        } else if (status == 416 && have > 0) {
            resp.body().close();
            Files.deleteIfExists(part); // the part is not a prefix of what the server has
            download(uri, part, file, listener, watchdog);
            return;
        } else if (status != 200) {
            resp.body().close();
            throw new IOException("HTTP " + status);
        }
        if (!append) {
            have = 0;
        }
        copy(resp.body(), part, append, have, total, file, listener, watchdog);
    }

    private void copy(InputStream body, Path part, boolean append, long have, long total, String file,
                      ProgressListener listener, ScheduledExecutorService watchdog) throws IOException {
        AtomicLong lastData = new AtomicLong(System.nanoTime());
        AtomicBoolean stalled = new AtomicBoolean();
        long stallNanos = stallTimeout.toNanos();
        long period = Math.max(10, Math.min(1000, stallTimeout.toMillis() / 4));
        var check = watchdog.scheduleAtFixedRate(() -> {
            if (System.nanoTime() - lastData.get() > stallNanos && stalled.compareAndSet(false, true)) {
                try {
                    body.close(); // unblocks the reading thread
                } catch (IOException ignored) {
                    // closing is best effort; the reader reports the stall
                }
            }
        }, period, period, TimeUnit.MILLISECONDS);
        StandardOpenOption mode = append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
        long done = have;
        try (InputStream in = body;
             OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                lastData.set(System.nanoTime());
                out.write(buf, 0, n);
                done += n;
                listener.progress(file, done, total);
            }
        } catch (IOException e) {
            if (stalled.get()) {
                throw new IOException(stallMessage(), e);
            }
            throw e;
        } finally {
            check.cancel(false);
        }
        if (stalled.get()) {
            throw new IOException(stallMessage());
        }
        if (total >= 0 && done != total) {
            throw new IOException("connection ended after " + done + " of " + total + " bytes (partial download kept)");
        }
    }

    private String stallMessage() {
        return String.format(java.util.Locale.ROOT, "no data for %.1f s (stalled; partial download kept)",
                stallTimeout.toMillis() / 1000.0);
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** True when {@code path} matches the file's pinned sum or, decompressed, its pinned content sum. */
    static boolean verified(Path path, DataSource.RemoteFile file) {
        try {
            if (FileDigests.of(path).equals(file.sha256())) {
                return true;
            }
            return file.contentSha256() != null && file.contentSha256().equals(FileDigests.ofContent(path));
        } catch (IOException e) {
            return false;
        }
    }

    /** The state of every known data source under {@code dir} (see {@link DataSource#all()}). */
    public static List<Status> list(Path dir) {
        List<Status> out = new ArrayList<>();
        for (DataSource s : DataSource.all()) {
            out.add(status(s, dir));
        }
        return out;
    }

    /** The state of {@code source}'s files in {@code dir/NAME}. */
    public static Status status(DataSource source, Path dir) {
        Path target = dir.resolve(source.name());
        List<FileStatus> files = new ArrayList<>();
        for (DataSource.RemoteFile f : source.files()) {
            Path p = target.resolve(f.name());
            Path part = target.resolve(f.name() + ".part");
            FileStatus st;
            try {
                if (Files.isRegularFile(p)) {
                    st = new FileStatus(f.name(), verified(p, f) ? FileState.VERIFIED : FileState.CORRUPT, Files.size(p));
                } else if (Files.isRegularFile(part)) {
                    st = new FileStatus(f.name(), FileState.PARTIAL, Files.size(part));
                } else {
                    st = new FileStatus(f.name(), FileState.MISSING, 0);
                }
            } catch (IOException e) {
                st = new FileStatus(f.name(), FileState.CORRUPT, 0);
            }
            files.add(st);
        }
        return new Status(source, target, files);
    }
}
