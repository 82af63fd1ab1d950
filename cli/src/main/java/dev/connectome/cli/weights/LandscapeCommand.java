package dev.connectome.cli.weights;

import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.engine.Parallelism;
import dev.connectome.nas.analysis.Landscape;
import dev.connectome.nas.analysis.LandscapeCsv;
import dev.connectome.nas.analysis.LandscapeGraphLoss;
import dev.connectome.nas.analysis.LandscapeGrid;
import dev.connectome.nas.analysis.LandscapeSettings;
import dev.connectome.nas.graph.AffineGraphNet;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import dev.connectome.nas.weights.GraphLoss;
import dev.connectome.nas.weights.Mnist256Splits;
import dev.connectome.report.Report;
import dev.connectome.report.landscape.LandscapeSection;
import dev.connectome.nas.analysis.LandscapeObjective;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code connectome landscape}: loss landscapes f(α1, α2; σ) = L(x̂ + σα1δ1 + σα2δ2) on the MNIST256
 * training split around each given weight file, for each σ; writes the grid as CSV and an HTML page
 * with filled contour plots (solutions across, σ down).
 */
@Command(name = "landscape", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = "Loss landscapes around trained weights of a WANN genome (MNIST256 training loss).")
public final class LandscapeCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--graph", required = true, paramLabel = "FILE.out", description = "Genome in WANNRelease .out format.")
    Path graph;

    @Option(names = "--weights", required = true, paramLabel = "A.json,B.json",
            description = "Comma-separated WANNTool zoo json files; each file's name (without .json) labels its column.")
    String weights;

    @Option(names = "--sigma", defaultValue = "0.1,0.2,0.3,0.4", description = "Comma-separated σ values (default: ${DEFAULT-VALUE}).")
    String sigma;

    @Option(names = "--alpha-step", defaultValue = "0.025", description = "Grid step of α in [-1, 1] (default: ${DEFAULT-VALUE}, 81×81).")
    double alphaStep;

    @Option(names = "--direction-seed", defaultValue = "0", description = "Seed of the two directions (default: ${DEFAULT-VALUE}).")
    long directionSeed;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory with mnist/ (default: $CONNECTOME_DATA or ../shared/data).")
    Path data;

    @Option(names = "--train-count", defaultValue = "50000", description = "Training images the loss is computed on (default: ${DEFAULT-VALUE}).")
    int trainCount;

    @Option(names = "--threads", defaultValue = "0", description = "Threads (0 = all cores).")
    int threads;

    @Option(names = "--direct", description = "Evaluate every grid point with a full forward pass (the slow reference path)"
            + " instead of the plane kernel.")
    boolean direct;

    @Option(names = {"-o", "--out"}, defaultValue = "landscape-out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    public LandscapeCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        LandscapeSettings settings;
        try {
            settings = LandscapeSettings.defaults().withSigmas(Inputs.positiveList(sigma, "--sigma"))
                    .withAlphas(-1, 1, alphaStep).withSeed(directionSeed);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (threads < 0) {
            throw new UserException("--threads must be >= 0, got " + threads);
        }
        NeuronGraph g = Inputs.mnistGraph(graph);
        GraphNet net = GraphNet.compile(g);
        List<String> labels = new ArrayList<>();
        List<float[]> centres = new ArrayList<>();
        for (String f : weights.split(",")) {
            Path p = Path.of(f.trim());
            if (!Files.isRegularFile(p)) {
                throw new UserException("weights file " + p + " not found");
            }
            String label = p.getFileName().toString().replaceFirst("\\.json$", "").replace(',', '_');
            labels.add(label);
            centres.add(TunedWeights.read(p, net, TunedWeights.MNIST_WEIGHT_BIAS));
        }
        Mnist256Splits splits = Inputs.mnist256(Inputs.dataDir(data), trainCount);
        AffineGraphNet affine = AffineGraphNet.compile(g);
        CpuTimedObjective loss = new CpuTimedObjective(direct ? new GraphLoss(net, splits.train())
                : new LandscapeGraphLoss(affine, splits.train(), LandscapeGraphLoss.DEFAULT_CHUNK));
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        int points = settings.alphas().length;
        io.out().printf(Locale.ROOT, "landscape: %d solution(s) × %d σ × %d×%d points on %d training images, threads %d, %s%n",
                labels.size(), settings.sigmas().size(), points, points, splits.train().size(), n,
                direct ? "direct forward passes" : "plane kernel");
        io.out().printf(Locale.ROOT, "%d of %d connections leave the bias or an input (precomputed per chunk)%n",
                affine.inputConnectionCount(), affine.weightCount());
        List<LandscapeGrid> grids = new ArrayList<>();
        long start = System.nanoTime();
        float[][] d = Landscape.directions(net.weightCount(), settings.seed());
        try (Parallelism par = Parallelism.of(n)) {
            for (int k = 0; k < labels.size(); k++) {
                for (double s : settings.sigmas()) {
                    LandscapeGrid grid = Landscape.compute(labels.get(k), centres.get(k), d[0], d[1], s, settings.alphas(), loss, par);
                    grids.add(grid);
                    io.out().printf(Locale.ROOT, "%s σ=%s: centre loss %.4f, min %.4f, max %.4g (%.1f s)%n", grid.label(),
                            s, grid.centreLoss(), grid.minLoss(), grid.maxLoss(), grid.seconds());
                    io.out().flush();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        io.out().printf(Locale.ROOT, "time: wall %.1f s, CPU of the computing threads %.1f s, load average %.2f%n",
                seconds, loss.cpuSeconds(), load);
        LandscapeCsv.write(grids, out.resolve("landscape.csv"));
        String note = String.format(Locale.ROOT, "%d×%d grid × %d σ × %d solutions on %d training images, %d thread(s), %s:"
                + " %.1f s wall, %.1f s CPU of the computing threads (load average %.1f).",
                points, points, settings.sigmas().size(), labels.size(), splits.train().size(), n,
                direct ? "direct forward passes" : "plane kernel", seconds, loss.cpuSeconds(), load);
        try {
            Report.builder("Loss landscapes").optSubtitle(graph.getFileName() + ", " + net.weightCount() + " connections")
                    .addSection(new LandscapeSection(grids, note)).build().writeTo(out.resolve("landscape.html"));
        } catch (java.io.IOException e) {
            throw new UserException("cannot write " + out.resolve("landscape.html") + ": " + e.getMessage(), e);
        }
        io.out().printf(Locale.ROOT, "%s; wrote %s%n", note, out);
        return ExitCodes.OK;
    }

    /** Sums the CPU time of the threads that evaluate the objective (the machine may be shared). */
    private static final class CpuTimedObjective implements LandscapeObjective {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final LandscapeObjective inner;
        private final LongAdder nanos = new LongAdder();

        CpuTimedObjective(LandscapeObjective inner) {
            this.inner = inner;
        }

        double cpuSeconds() {
            return nanos.sum() / 1e9;
        }

        @Override
        public int chunkCount() {
            return inner.chunkCount();
        }

        @Override
        public void accumulate(int chunk, float[] params, double[] acc) {
            long t = THREADS.getCurrentThreadCpuTime();
            inner.accumulate(chunk, params, acc);
            nanos.add(THREADS.getCurrentThreadCpuTime() - t);
        }

        @Override
        public void accumulatePlane(int chunk, float[] centre, float[] d1, float[] d2, float[] a1, float[] a2,
                                    double[] acc) {
            long t = THREADS.getCurrentThreadCpuTime();
            inner.accumulatePlane(chunk, centre, d1, d2, a1, a2, acc);
            nanos.add(THREADS.getCurrentThreadCpuTime() - t);
        }
    }
}
