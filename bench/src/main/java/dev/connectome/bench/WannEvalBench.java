package dev.connectome.bench;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.data.Mnist256;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.graph.Mutations;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.NodeMajorInput;
import dev.connectome.nas.graph.SoftmaxFitness;
import dev.connectome.nas.graph.WannOutFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Weight-agnostic population evaluation throughput on MNIST256: every genome × the six shared
 * weights {−2, −1, −0.5, 0.5, 1, 2} × a batch of training images, fitness = −mean cross-entropy of
 * softmax(outputs) as in WANN's classify task. Writes the genomes ({@code .out}), the images and
 * labels and the Java fitness values to a work directory so {@code bench/peers/wann_eval_numpy.py}
 * evaluates exactly the same population.
 *
 * <p>Genomes come from a directory of {@code .out} files (e.g. a real search's population) or, by
 * default, are generated: {@code initial(256, 10, 0.05)} followed by a uniformly drawn number of
 * random mnist256 mutations in [0, maxMutations], standing in for the lineages of a real run.
 *
 * <p>Usage: {@code WannEvalBench [--data DIR] [--work DIR] [--genomes 960] [--max-mutations 200]
 * [--images 1000] [--threads 1,2] [--repeats 3] [--from-dir DIR]}
 */
public final class WannEvalBench {
    private static final float[] WEIGHTS = {-2f, -1f, -0.5f, 0.5f, 1f, 2f};

    private WannEvalBench() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(System.getenv().getOrDefault("CONNECTOME_DATA", "../shared/data"));
        Path work = Path.of("bench/target/wann-eval");
        Path fromDir = null;
        int genomes = 960;
        int maxMutations = 200;
        int images = 1000;
        int repeats = 3;
        int[] threads = {1, 2};
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--data" -> data = Path.of(v);
                case "--work" -> work = Path.of(v);
                case "--from-dir" -> fromDir = Path.of(v);
                case "--genomes" -> genomes = Integer.parseInt(v);
                case "--max-mutations" -> maxMutations = Integer.parseInt(v);
                case "--images" -> images = Integer.parseInt(v);
                case "--repeats" -> repeats = Integer.parseInt(v);
                case "--threads" -> threads = Arrays.stream(v.split(",")).mapToInt(Integer::parseInt).toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(work.resolve("genomes"));
        Dataset train = DataSets.load(data, "mnist", true);
        int[] pick = Dataset.permutation(train.size(), new SplittableRandom(42));
        Dataset batch = Mnist256.apply(train.subset(Arrays.copyOf(pick, images)));
        float[] x = batch.features();
        int[] labels = batch.labels();
        writeFloats(work.resolve("images.f32"), x);
        writeInts(work.resolve("labels.i32"), labels);

        List<NeuronGraph> population = fromDir != null ? readAll(fromDir) : generate(genomes, maxMutations);
        try (Stream<Path> old = Files.list(work.resolve("genomes"))) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        for (int i = 0; i < population.size(); i++) {
            WannOutFormat.write(population.get(i), work.resolve("genomes").resolve(String.format("g%04d.out", i)));
        }
        describe(population, fromDir);

        int n = population.size();
        double[][] fitness = new double[n][WEIGHTS.length];
        for (int t : threads) {
            try (Parallelism par = Parallelism.of(t)) {
                double[] seconds = new double[repeats];
                double[] cpu = new double[repeats];
                evaluate(population, x, images, labels, par, fitness); // warm-up
                for (int r = 0; r < repeats; r++) {
                    long c0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    evaluate(population, x, images, labels, par, fitness);
                    seconds[r] = (System.nanoTime() - t0) / 1e9;
                    cpu[r] = (processCpuNanos() - c0) / 1e9;
                }
                Arrays.sort(seconds);
                Arrays.sort(cpu);
                double best = seconds[0];
                double median = seconds[repeats / 2];
                int evals = n * WEIGHTS.length;
                // The machine is shared: CPU time per evaluation is the steadier figure, wall time is reported too.
                System.out.printf(Locale.ROOT, "connectome threads=%d genomes=%d weights=%d images=%d best_s=%.4f median_s=%.4f"
                                + " evals_per_s=%.1f ms_per_eval=%.4f cpu_s=%.4f cpu_ms_per_eval=%.4f%n", t, n, WEIGHTS.length,
                        images, best, median, evals / best, best * 1e3 / evals, cpu[0], cpu[0] * 1e3 / evals);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            for (int w = 0; w < WEIGHTS.length; w++) {
                sb.append(w == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", fitness[i][w]));
            }
            sb.append('\n');
        }
        Files.writeString(work.resolve("fitness_java.csv"), sb.toString());
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : System.nanoTime();
    }

    /** All genomes × all shared weights; inputs transposed once, one genome per task. */
    static void evaluate(List<NeuronGraph> population, float[] x, int images, int[] labels, Parallelism par,
                         double[][] fitness) {
        NodeMajorInput in = NodeMajorInput.of(x, images, 256);
        par.forEach(population.size(), i -> {
            GraphNet net = GraphNet.compile(population.get(i));
            float[] scratch = new float[net.scratchSize(images)];
            float[] out = new float[WEIGHTS.length * images * 10];
            net.forwardShared(in, WEIGHTS, out, scratch);
            for (int w = 0; w < WEIGHTS.length; w++) {
                fitness[i][w] = SoftmaxFitness.negativeMeanCrossEntropy(out, w * images * 10, labels, images, 10);
            }
        });
    }

    private static List<NeuronGraph> generate(int count, int maxMutations) {
        SplittableRandom rng = new SplittableRandom(2019);
        List<NeuronGraph> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NeuronGraph g = NeuronGraph.initial(256, 10, 0.05, rng);
            int steps = rng.nextInt(maxMutations + 1);
            for (int s = 0; s < steps; s++) {
                g = Mutations.mutate(g, MutationSettings.mnist256(), rng);
            }
            out.add(g);
        }
        return out;
    }

    private static List<NeuronGraph> readAll(Path dir) throws IOException {
        List<NeuronGraph> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".out")).sorted().toList()) {
                out.add(WannOutFormat.read(p, 256, 10));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no .out files in " + dir);
        }
        return out;
    }

    private static void describe(List<NeuronGraph> population, Path fromDir) {
        int[] hidden = population.stream().mapToInt(NeuronGraph::hiddenCount).sorted().toArray();
        int[] conns = population.stream().mapToInt(NeuronGraph::enabledConnectionCount).sorted().toArray();
        System.out.printf(Locale.ROOT, "population %s: %d genomes; hidden nodes min/median/mean/max %d/%d/%.1f/%d;"
                        + " enabled connections min/median/mean/max %d/%d/%.1f/%d%n",
                fromDir == null ? "generated (random mnist256 mutation chains)" : "from " + fromDir, population.size(),
                hidden[0], hidden[hidden.length / 2], Arrays.stream(hidden).average().orElse(0), hidden[hidden.length - 1],
                conns[0], conns[conns.length / 2], Arrays.stream(conns).average().orElse(0), conns[conns.length - 1]);
    }

    private static void writeFloats(Path p, float[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        Files.write(p, b.array());
    }

    private static void writeInts(Path p, int[] v) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(v);
        Files.write(p, b.array());
    }
}
