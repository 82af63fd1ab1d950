package dev.connectome.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.cli.Io;
import dev.connectome.nas.graph.WannOutFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WannDemoStepTest {

    @TempDir
    Path tmp;

    @Test
    void shortSwingUpSearchWritesChampionDrawingAndReport() throws Exception {
        StringWriter out = new StringWriter();
        Io io = new Io(new PrintWriter(out, true), new PrintWriter(out, true), false);
        DemoContext ctx = new DemoContext(io, tmp, 1, 2, 1, 0);
        new WannDemoStep().run(ctx);
        assertThat(out.toString()).contains("champion: mean reward");
        assertThat(WannOutFormat.read(tmp.resolve("wann-swingup-champion.out"), 5, 1).outputCount()).isEqualTo(1);
        assertThat(Files.readString(tmp.resolve("wann-swingup-champion.svg"))).contains("<svg");
        assertThat(Files.readString(tmp.resolve("wann-report.html"))).contains("Champion network");
    }
}
