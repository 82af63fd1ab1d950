package dev.connectome.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data get} end to end against a loopback mirror serving real MNIST files, when a copy of
 * them is at hand ($CONNECTOME_DATA or ../shared/data); skipped otherwise. The fetcher's own
 * failure modes (corrupt file, resume, 404 fail-over) are tested in nas.data.
 */
class DataGetTest {
    @TempDir
    Path tmp;

    static Path mnistCopy() {
        String env = System.getenv("CONNECTOME_DATA");
        Path base = env != null ? Path.of(env) : Path.of("..", "..", "shared", "data");
        Path dir = base.resolve("mnist");
        return Files.isRegularFile(dir.resolve("train-labels-idx1-ubyte.gz")) ? dir : null;
    }

    @Test
    void downloadsVerifiesAndListsMnist() throws IOException {
        Path source = mnistCopy();
        assumeTrue(source != null, "no MNIST copy in $CONNECTOME_DATA or ../shared/data");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            Path f = source.resolve(Path.of(ex.getRequestURI().getPath()).getFileName().toString());
            if (!Files.isRegularFile(f)) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, Files.size(f));
                try (OutputStream out = ex.getResponseBody()) {
                    Files.copy(f, out);
                }
            }
            ex.close();
        });
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            CliRun get = CliRun.of("data", "get", "mnist", "--to", tmp.toString(), "--mirror", mirror);
            assertThat(get.code()).as(get.err()).isZero();
            assertThat(get.out()).contains("mnist: 4 files verified in " + tmp.resolve("mnist"));
            CliRun ls = CliRun.of("data", "ls", "--dir", tmp.toString());
            assertThat(ls.out()).containsPattern("mnist +complete +4/4 files verified");
        } finally {
            server.stop(0);
        }
    }
}
