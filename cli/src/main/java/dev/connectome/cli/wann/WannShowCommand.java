package dev.connectome.cli.wann;

import dev.connectome.cli.AtomicFiles;
import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.wann.WannTasks;
import dev.connectome.report.wann.NetworkDrawing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connectome wann show FILE -o net.svg}: a layered drawing of a WANN with activation glyphs. */
@Command(name = "show", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Draw a WANN (.out file) as an SVG: layered, each node showing its activation function."})
public final class WannShowCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "FILE", description = "Genome in WANNRelease .out format.")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.svg", required = true, description = "Where to write the SVG.")
    Path output;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "swingup",
            description = "Task the genome is for (node counts and labels): swingup, mnist256 (default: ${DEFAULT-VALUE}).")
    String task;

    @Mixin
    CommonOptions common;

    public WannShowCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        WannTasks.Spec spec = WannFiles.spec(task);
        NeuronGraph g = WannFiles.readGenome(file, spec);
        NetworkDrawing d = spec.id().equals("swingup") ? NetworkDrawing.swingUp(g)
                : new NetworkDrawing(g, List.of(), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        AtomicFiles.writeString(output, d.svgDocument(file.getFileName().toString()));
        io.out().printf("wrote %s (%d hidden nodes, %d connections)%n", output, g.hiddenCount(), g.enabledConnectionCount());
        return ExitCodes.OK;
    }
}
