package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Mlp;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Losses;
import dev.connectome.engine.optim.Adam;
import dev.connectome.engine.optim.Optimizer;
import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.subspace.Projections;
import dev.connectome.nas.subspace.SubspaceMode;
import dev.connectome.nas.subspace.SubspaceModule;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Time per training step and peak memory of subspace training for MNIST FC 784-200-200-10
 * (D = 199,210), batch 128, Adam, one thread.
 *
 * <ul>
 *   <li>{@code ratio [d] [rounds]}: plain training and Fastfood/sparse subspace training at d (default
 *       1000) in one JVM, interleaved in rounds of 50 steps each, median ms/step per case and the
 *       ratio to plain (shared machine: only the side-by-side ratio is meaningful);</li>
 *   <li>{@code memory CASE [d]}: one case (plain, dense, sparse, fastfood) alone — run each in its own
 *       JVM: heap peak (all heap pools, reset after loading the data) and ms/step.</li>
 * </ul>
 * Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * dev.connectome.bench.SubspaceStep ratio|memory [case] [d] [dataDir]}.
 */
public final class SubspaceStep {
    private static final int BATCH = 128;
    // One kernel thread (Parallelism.single() runs on the caller), so this thread's CPU time is the step's.
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private SubspaceStep() {
    }

    /** One training setup: model (plain or subspace-wrapped), its optimizer and a private tape. */
    private static final class Case {
        final String name;
        final Module model;
        final Optimizer opt;
        final Tape tape = Tape.training(Parallelism.single());
        final List<Double> msPerStep = new ArrayList<>();
        final List<Double> cpuMsPerStep = new ArrayList<>();
        double lastCpuMs;

        Case(String name, Module model) {
            this.name = name;
            this.model = model;
            this.opt = new Adam(model.parameters(), Adam.Settings.of(1e-3).withBetas(0.9, 0.99));
        }

        /** Runs {@code steps} steps over consecutive batches; returns ms per step. */
        double run(Dataset data, int steps, int offset) {
            float[] x = data.features();
            int[] labels = data.labels();
            int d = data.sampleSize();
            int batches = data.size() / BATCH;
            int[] y = new int[BATCH];
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int s = 0; s < steps; s++) {
                int b = (offset + s) % batches;
                tape.reset();
                Tensor xb = tape.input(x, b * BATCH * d, BATCH, d);
                System.arraycopy(labels, b * BATCH, y, 0, BATCH);
                Tensor loss = Losses.softmaxCrossEntropy(tape, model.forward(tape, xb), y);
                opt.zeroGrad();
                tape.backward(loss);
                opt.step();
            }
            tape.reset();
            lastCpuMs = (CPU.getCurrentThreadCpuTime() - c0) / 1e6 / steps;
            return (System.nanoTime() - t0) / 1e6 / steps;
        }
    }

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "ratio";
        Path dir = Path.of(args.length > 3 ? args[3] : System.getenv().getOrDefault("CONNECTOME_DATA", "../shared/data"));
        if (!Files.isDirectory(dir)) {
            System.err.println("SubspaceStep: data directory " + dir + " not found (set CONNECTOME_DATA)");
            System.exit(2);
        }
        Dataset raw = DataSets.load(dir, "mnist", true).slice(0, 128 * 100);
        Dataset data = standardize(raw, meanStd(raw.features()));
        if (what.equals("ratio")) {
            int d = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
            int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
            List<Case> cases = List.of(make("plain", d), make("fastfood", d), make("sparse", d));
            for (Case c : cases) {
                c.run(data, 100, 0); // warm-up (JIT)
            }
            for (int r = 0; r < rounds; r++) {
                for (Case c : cases) {
                    c.msPerStep.add(c.run(data, 50, r * 50));
                    c.cpuMsPerStep.add(c.lastCpuMs);
                }
            }
            double plain = median(cases.get(0).msPerStep);
            double plainCpu = median(cases.get(0).cpuMsPerStep);
            System.out.printf(Locale.ROOT, "load average %.2f (2 cores)%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            for (Case c : cases) {
                double m = median(c.msPerStep);
                double cpu = median(c.cpuMsPerStep);
                System.out.printf(Locale.ROOT, "%-9s d=%d wall median %.2f ms/step (min %.2f) ratio %.2f | cpu median %.2f ms/step (min %.2f)"
                        + " ratio %.2f  [%d rounds of 50]%n", c.name, d, m, min(c.msPerStep), m / plain, cpu, min(c.cpuMsPerStep),
                        cpu / plainCpu, rounds);
            }
        } else {
            String name = args.length > 1 ? args[1] : "fastfood";
            int d = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
            System.gc();
            long before = heapUsed();
            resetPeaks();
            long t0 = System.nanoTime();
            Case c = make(name, d);
            double buildSeconds = (System.nanoTime() - t0) / 1e9;
            c.run(data, 30, 0);
            double ms = c.run(data, 100, 30);
            long peak = heapPeak();
            System.gc();
            long live = heapUsed();
            System.out.printf(Locale.ROOT, "%-9s d=%d build %.1fs  %.2f ms/step  heap before %.0f MB, peak during build+130 steps %.0f MB"
                    + " (+%.0f MB), live after GC +%.0f MB  projection stores %.1f MB%n", name, d, buildSeconds, ms,
                    before / 1e6, peak / 1e6, (peak - before) / 1e6, (live - before) / 1e6,
                    c.model instanceof SubspaceModule s ? s.projection().storedValues() * 4 / 1e6 : 0.0);
            if (c.msPerStep.size() > 1_000_000) { // keeps the model reachable until after the measurement
                System.out.println(c.model);
            }
        }
    }

    private static Case make(String name, int d) {
        Module mlp = Mlp.of(784, new int[] {200, 200}, 10, Activation.RELU, new SplittableRandom(1));
        if (name.equals("plain")) {
            return new Case(name, mlp);
        }
        return new Case(name, SubspaceModule.create(mlp, Projections.standard().get(name), d, SubspaceMode.OFFSET,
                new SplittableRandom(2)));
    }

    private static long heapUsed() {
        long s = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                s += p.getUsage().getUsed();
            }
        }
        return s;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    private static long heapPeak() {
        long s = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                s += p.getPeakUsage().getUsed();
            }
        }
        return s;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** Mean and standard deviation of all pixels (one scalar each). */
    static double[] meanStd(float[] x) {
        double s = 0, sq = 0;
        for (float v : x) {
            s += v;
            sq += (double) v * v;
        }
        double mean = s / x.length;
        return new double[] {mean, Math.sqrt(Math.max(1e-12, sq / x.length - mean * mean))};
    }

    /** (x − mean) / std for every pixel. */
    static Dataset standardize(Dataset d, double[] stats) {
        float[] x = d.features().clone();
        float m = (float) stats[0];
        float inv = (float) (1 / stats[1]);
        for (int i = 0; i < x.length; i++) {
            x[i] = (x[i] - m) * inv;
        }
        return Dataset.of(d.name(), x, d.labels(), d.sampleShape(), d.classNames());
    }
}
