package dev.connectome.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.connectome.cli.demo.DemoContext;
import dev.connectome.cli.demo.DemoStep;
import dev.connectome.cli.demo.DemoSteps;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code connectome demo}: the main job on the embedded sample, step by step, with a summary at the end. */
@Command(name = "demo", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run the demo on the MNIST sample embedded in the jar (no network or data files needed).",
            "Trains and evaluates a small network, saves the model and a summary, and says where they are."})
final class DemoCommand implements Callable<Integer> {
    private final Io io;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "connectome-out/demo",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "5", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Kernel threads (0: all cores).")
    int threads;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
            description = "Use only the first N training and N test samples (0: all; for a quick check).")
    int limit;

    @Mixin
    CommonOptions common;

    DemoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (epochs < 1) {
            throw new UserException("--epochs must be at least 1, got " + epochs);
        }
        if (limit < 0) {
            throw new UserException("--limit must be >= 0, got " + limit);
        }
        threads = TrainOptions.resolveThreads(threads); // print the resolved count, not 0
        io.out().println(ResolvedSettings.line(spec));
        long start = System.nanoTime();
        DemoContext ctx = new DemoContext(io, out, seed, threads, epochs, limit);
        List<DemoStep> steps = DemoSteps.all();
        for (int i = 0; i < steps.size(); i++) {
            io.out().printf(Locale.ROOT, "[%d/%d] %s%n", i + 1, steps.size(), steps.get(i).title());
            io.out().flush();
            steps.get(i).run(ctx);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        writeSummary(ctx, seconds);
        List<String> names = new ArrayList<>();
        for (Path p : ctx.outputs()) {
            names.add(out.relativize(p).toString());
        }
        io.out().printf(Locale.ROOT, "demo finished in %.1fs; outputs are in %s (%s)%n", seconds,
                out.toAbsolutePath().normalize(), String.join(", ", names));
        return ExitCodes.OK;
    }

    private static String format(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.4g", d) : String.valueOf(v);
    }

    private void writeSummary(DemoContext ctx, double seconds) throws java.io.IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("connectome", TrainingRun.versionString());
        summary.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        summary.put("settings", ResolvedSettings.map(spec));
        summary.put("seconds", seconds);
        summary.putAll(ctx.summary());
        Path json = out.resolve("summary.json");
        AtomicFiles.writeString(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(summary) + "\n");
        ctx.wrote(json);
        StringBuilder text = new StringBuilder("connectome demo, ").append(summary.get("created")).append('\n');
        for (Map.Entry<String, Object> e : ctx.summary().entrySet()) {
            text.append(e.getKey()).append(':');
            if (e.getValue() instanceof Map<?, ?> m) {
                text.append('\n');
                for (Map.Entry<?, ?> f : m.entrySet()) {
                    text.append("  ").append(f.getKey()).append(": ").append(format(f.getValue())).append('\n');
                }
            } else {
                text.append(' ').append(format(e.getValue())).append('\n');
            }
        }
        text.append(String.format(Locale.ROOT, "total %.1fs%n", seconds));
        Path txt = out.resolve("summary.txt");
        AtomicFiles.writeString(txt, text.toString());
        ctx.wrote(txt);
    }
}
