package dev.connectome.nas.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All downloads come from a loopback HTTP server started by the test; nothing touches the network. */
class DataFetcherTest {
    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile boolean rangeSupport = true;
    private byte[] good;
    private byte[] other;

    @BeforeEach
    void start() throws IOException {
        good = gzip(bytes(200_000, 1));
        other = gzip(bytes(1_000, 2));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool()); // a stalled exchange must not block the others
        server.createContext("/", this::serve);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private final CountDownLatch release = new CountDownLatch(1);

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        if (path.startsWith("/stall/")) {
            // headers and a first chunk, then silence until the test ends
            requests.add(path);
            ex.sendResponseHeaders(200, good.length);
            OutputStream out = ex.getResponseBody();
            out.write(good, 0, 1000);
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
            return;
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(path + (range == null ? "" : " " + range));
        byte[] body = files.get(path);
        if (body == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        int status = 200;
        int from = 0;
        if (range != null && rangeSupport) {
            from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            if (from >= body.length) {
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            status = 206;
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
        }
        ex.sendResponseHeaders(status, body.length - from);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body, from, body.length - from);
        }
    }

    private URI mirror(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/");
    }

    private DataSource source(URI... mirrors) throws Exception {
        return new DataSource("toy", List.of(mirrors),
                List.of(new DataSource.RemoteFile("a.gz", sha(good), null),
                        new DataSource.RemoteFile("b.gz", sha(other), null)));
    }

    private final DataFetcher fetcher = new DataFetcher(Duration.ofSeconds(5), Duration.ofSeconds(5));

    @Test
    void downloadsAndVerifies() throws Exception {
        files.put("/m1/a.gz", good);
        files.put("/m1/b.gz", other);
        List<String> messages = new ArrayList<>();
        long[] lastDone = {0};
        Path out = fetcher.fetch(source(mirror("m1")), dir, new ProgressListener() {
            @Override
            public void progress(String file, long done, long total) {
                lastDone[0] = done;
            }

            @Override
            public void message(String line) {
                messages.add(line);
            }
        });
        assertThat(out).isEqualTo(dir.resolve("toy"));
        assertThat(Files.readAllBytes(out.resolve("a.gz"))).isEqualTo(good);
        assertThat(Files.readAllBytes(out.resolve("b.gz"))).isEqualTo(other);
        assertThat(Files.exists(out.resolve("a.gz.part"))).isFalse();
        assertThat(lastDone[0]).isEqualTo(other.length);
        assertThat(DataFetcher.status(source(mirror("m1")), dir).complete()).isTrue();
        // a second fetch finds both verified and downloads nothing
        requests.clear();
        fetcher.fetch(source(mirror("m1")), dir, ProgressListener.NONE);
        assertThat(requests).isEmpty();
    }

    @Test
    void corruptedFileIsRejectedAndNextMirrorUsed() throws Exception {
        byte[] corrupted = good.clone();
        corrupted[1000] ^= 1;
        files.put("/bad/a.gz", corrupted);
        files.put("/good/a.gz", good);
        files.put("/good/b.gz", other);
        fetcher.fetch(source(mirror("bad"), mirror("good")), dir, ProgressListener.NONE);
        assertThat(Files.readAllBytes(dir.resolve("toy/a.gz"))).isEqualTo(good);
        assertThat(requests).contains("/bad/a.gz", "/good/a.gz");
    }

    @Test
    void corruptedFileOnlyMirrorFailsCleanly() throws Exception {
        byte[] corrupted = good.clone();
        corrupted[1000] ^= 1;
        files.put("/bad/a.gz", corrupted);
        assertThatThrownBy(() -> fetcher.fetch(source(mirror("bad")), dir, ProgressListener.NONE))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("could not fetch toy/a.gz", "SHA-256 mismatch", sha(good))
                .hasMessageNotContaining("\n");
        assertThat(Files.exists(dir.resolve("toy/a.gz"))).isFalse();
        assertThat(Files.exists(dir.resolve("toy/a.gz.part"))).isFalse();
    }

    @Test
    void notFoundFallsThroughToNextMirror() throws Exception {
        files.put("/good/a.gz", good);
        files.put("/good/b.gz", other);
        fetcher.fetch(source(mirror("missing"), mirror("good")), dir, ProgressListener.NONE);
        assertThat(requests).startsWith("/missing/a.gz", "/good/a.gz");
        assertThat(Files.readAllBytes(dir.resolve("toy/b.gz"))).isEqualTo(other);
    }

    @Test
    void allMirrorsMissingIsOneClearLine() throws Exception {
        assertThatThrownBy(() -> fetcher.fetch(source(mirror("x"), mirror("y")), dir, ProgressListener.NONE))
                .isInstanceOf(DataException.class)
                .hasMessageContainingAll("could not fetch toy/a.gz from 2 mirror(s)", "/x/a.gz: HTTP 404", "/y/a.gz: HTTP 404")
                .hasMessageNotContaining("\n");
    }

    @Test
    void resumesPartialDownloadWithRange() throws Exception {
        files.put("/m/a.gz", good);
        files.put("/m/b.gz", other);
        Files.createDirectories(dir.resolve("toy"));
        Files.write(dir.resolve("toy/a.gz.part"), Arrays.copyOf(good, 123_45));
        fetcher.fetch(source(mirror("m")), dir, ProgressListener.NONE);
        assertThat(requests).contains("/m/a.gz bytes=12345-");
        assertThat(Files.readAllBytes(dir.resolve("toy/a.gz"))).isEqualTo(good);
    }

    @Test
    void restartsWhenServerIgnoresRange() throws Exception {
        rangeSupport = false;
        files.put("/m/a.gz", good);
        files.put("/m/b.gz", other);
        Files.createDirectories(dir.resolve("toy"));
        Files.write(dir.resolve("toy/a.gz.part"), new byte[] {9, 9, 9}); // not even a prefix
        fetcher.fetch(source(mirror("m")), dir, ProgressListener.NONE);
        assertThat(Files.readAllBytes(dir.resolve("toy/a.gz"))).isEqualTo(good);
    }

    @Test
    void wrongPartialDetectedBySumThenRestarted() throws Exception {
        files.put("/m/a.gz", good);
        files.put("/m/b.gz", other);
        Files.createDirectories(dir.resolve("toy"));
        byte[] wrongPrefix = Arrays.copyOf(good, 5000);
        wrongPrefix[10] ^= 1;
        Files.write(dir.resolve("toy/a.gz.part"), wrongPrefix);
        // the resumed file fails its check, the part is deleted; a second run starts from scratch
        assertThatThrownBy(() -> fetcher.fetch(source(mirror("m")), dir, ProgressListener.NONE))
                .hasMessageContaining("SHA-256 mismatch");
        assertThat(Files.exists(dir.resolve("toy/a.gz.part"))).isFalse();
        fetcher.fetch(source(mirror("m")), dir, ProgressListener.NONE);
        assertThat(Files.readAllBytes(dir.resolve("toy/a.gz"))).isEqualTo(good);
    }

    @Test
    void recompressedCopyAcceptedByContentSum() throws Exception {
        byte[] content = bytes(5000, 3);
        byte[] servedGz = gzip(content);
        byte[] recompressed = gzip(content, 1);
        assertThat(recompressed).isNotEqualTo(servedGz);
        DataSource s = new DataSource("toy", List.of(mirror("m")),
                List.of(new DataSource.RemoteFile("c.gz", sha(servedGz), sha(content))));
        Files.createDirectories(dir.resolve("toy"));
        Files.write(dir.resolve("toy/c.gz"), recompressed);
        assertThat(DataFetcher.status(s, dir).files().get(0).state()).isEqualTo(DataFetcher.FileState.VERIFIED);
        Files.write(dir.resolve("toy/c.gz"), gzip(bytes(5000, 4)));
        assertThat(DataFetcher.status(s, dir).files().get(0).state()).isEqualTo(DataFetcher.FileState.CORRUPT);
    }

    @Test
    void stalledMirrorIsAbandonedAndItsPartResumedElsewhere() throws Exception {
        files.put("/good/a.gz", good);
        files.put("/good/b.gz", other);
        DataFetcher impatient = new DataFetcher(Duration.ofSeconds(5), Duration.ofMillis(300));
        List<String> messages = new CopyOnWriteArrayList<>();
        impatient.fetch(source(mirror("stall"), mirror("good")), dir, new ProgressListener() {
            @Override
            public void progress(String file, long done, long total) {
            }

            @Override
            public void message(String line) {
                messages.add(line);
            }
        });
        assertThat(messages).anyMatch(m -> m.contains("/stall/a.gz") && m.contains("stalled"));
        assertThat(requests).contains("/good/a.gz bytes=1000-");
        assertThat(Files.readAllBytes(dir.resolve("toy/a.gz"))).isEqualTo(good);
    }

    @Test
    void listReportsKnownSources() {
        List<DataFetcher.Status> all = DataFetcher.list(dir);
        assertThat(all).extracting(st -> st.source().name()).containsExactly("mnist", "fashion-mnist");
        assertThat(all).noneMatch(DataFetcher.Status::present);
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            b[i] = (byte) ((x >>> 33) % 7); // compressible but not trivial
        }
        return b;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        return gzip(data, 6);
    }

    private static byte[] gzip(byte[] data, int level) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    private static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
