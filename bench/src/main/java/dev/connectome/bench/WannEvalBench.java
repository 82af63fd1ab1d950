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
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.wann.GenomeText;
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
 * <p>With {@code --peer "python3 bench/peers/wann_eval_numpy.py"} the peer runs as a subprocess after
 * every round of Java timings, so both sides see the same (shared, noisy) machine state; each round
 * prints both sides' wall and CPU time per evaluation and their ratio, and a summary gives medians.
 *
 * <p>Usage: {@code WannEvalBench [--data DIR] [--work DIR] [--genomes 960] [--max-mutations 200]
 * [--images 1000] [--threads 1,2] [--repeats 3] [--from-dir DIR | --from-study DB] [--peer CMD]
 * [--peer-stride 20]}; {@code --from-study} takes the last {@code --genomes} completed trials of a
 * WANN study database (SQLite), i.e. the children of a real search's last generations.
 */
public final class WannEvalBench {
    private static final float[] WEIGHTS = {-2f, -1f, -0.5f, 0.5f, 1f, 2f};

    private WannEvalBench() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(System.getenv().getOrDefault("CONNECTOME_DATA", "../shared/data"));
        Path work = Path.of("bench/target/wann-eval");
        Path fromDir = null;
        Path fromStudy = null;
        String peer = null;
        int peerStride = 20;
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
                case "--from-study" -> fromStudy = Path.of(v);
                case "--peer" -> peer = v;
                case "--peer-stride" -> peerStride = Integer.parseInt(v);
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

        List<NeuronGraph> population = fromDir != null ? readAll(fromDir)
                : fromStudy != null ? readStudy(fromStudy, genomes) : generate(genomes, maxMutations);
        try (Stream<Path> old = Files.list(work.resolve("genomes"))) {
            for (Path p : (Iterable<Path>) old::iterator) {
                Files.delete(p);
            }
        }
        for (int i = 0; i < population.size(); i++) {
            WannOutFormat.write(population.get(i), work.resolve("genomes").resolve(String.format("g%04d.out", i)));
        }
        describe(population, fromDir != null ? "from " + fromDir : fromStudy != null ? "last " + population.size()
                + " completed trials of study " + fromStudy : "generated (random mnist256 mutation chains)");

        int n = population.size();
        int evals = n * WEIGHTS.length;
        double[][] fitness = new double[n][WEIGHTS.length];
        Parallelism[] pars = new Parallelism[threads.length];
        for (int i = 0; i < threads.length; i++) {
            pars[i] = Parallelism.of(threads[i]);
            evaluate(population, x, images, labels, pars[i], fitness); // warm-up (JIT)
            evaluate(population, x, images, labels, pars[i], fitness);
        }
        writeFitness(work.resolve("fitness_java.csv"), fitness);
        double[][] javaWall = new double[threads.length][repeats];
        double[][] javaCpu = new double[threads.length][repeats];
        double[] peerWall = new double[repeats];
        double[] peerCpu = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < threads.length; i++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                evaluate(population, x, images, labels, pars[i], fitness);
                javaWall[i][r] = (System.nanoTime() - t0) / 1e6 / evals;
                javaCpu[i][r] = (processCpuNanos() - c0) / 1e6 / evals;
                // The machine is shared: CPU time per evaluation is the steadier figure, wall time is reported too.
                System.out.printf(Locale.ROOT, "round %d connectome threads=%d population_s=%.4f ms_per_eval=%.4f"
                                + " cpu_ms_per_eval=%.4f%n", r + 1, threads[i], javaWall[i][r] * evals / 1e3, javaWall[i][r],
                        javaCpu[i][r]);
            }
            if (peer != null) {
                double[] p = runPeer(peer, work, peerStride);
                peerWall[r] = p[0];
                peerCpu[r] = p[1];
                System.out.printf(Locale.ROOT, "round %d numpy ms_per_eval=%.4f cpu_ms_per_eval=%.4f | ratio (1-thread"
                                + " connectome) wall %.1fx cpu %.1fx%n", r + 1, p[0], p[1], p[0] / javaWall[0][r],
                        p[1] / javaCpu[0][r]);
            }
        }
        for (Parallelism par : pars) {
            par.close();
        }
        for (int i = 0; i < threads.length; i++) {
            System.out.printf(Locale.ROOT, "connectome threads=%d genomes=%d weights=%d images=%d median_population_s=%.4f"
                            + " evals_per_s=%.1f ms_per_eval=%.4f cpu_ms_per_eval=%.4f (medians of %d rounds)%n", threads[i], n,
                    WEIGHTS.length, images, median(javaWall[i]) * evals / 1e3, 1e3 / median(javaWall[i]),
                    median(javaWall[i]), median(javaCpu[i]), repeats);
        }
        if (peer != null) {
            System.out.printf(Locale.ROOT, "numpy threads=1 ms_per_eval=%.4f cpu_ms_per_eval=%.4f (medians of %d rounds)%n",
                    median(peerWall), median(peerCpu), repeats);
            for (int i = 0; i < threads.length; i++) {
                double[] rw = new double[repeats];
                double[] rc = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    rw[r] = peerWall[r] / javaWall[i][r];
                    rc[r] = peerCpu[r] / javaCpu[i][r];
                }
                System.out.printf(Locale.ROOT, "speed-up threads=%d numpy(1 thread)/connectome, median of per-round ratios:"
                        + " wall %.1fx, cpu time %.1fx (range wall %.1f-%.1fx)%n", threads[i], median(rw), median(rc),
                        Arrays.stream(rw).min().orElse(0), Arrays.stream(rw).max().orElse(0));
            }
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static void writeFitness(Path p, double[][] fitness) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (double[] row : fitness) {
            for (int w = 0; w < row.length; w++) {
                sb.append(w == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.6f", row[w]));
            }
            sb.append('\n');
        }
        Files.writeString(p, sb.toString());
    }

    /** Runs the peer once (one thread for BLAS/OpenMP); returns its {wall, cpu} ms per evaluation. */
    private static double[] runPeer(String command, Path work, int stride) throws IOException {
        List<String> cmd = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
        cmd.addAll(List.of("--work", work.toString(), "--stride", Integer.toString(stride)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        for (String v : List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")) {
            pb.environment().put(v, "1");
        }
        Process proc = pb.start();
        String output = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (proc.waitFor() != 0) {
                throw new IllegalStateException("peer " + cmd + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the peer", e);
        }
        System.out.print(output);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("ms_per_eval=([\\d.]+) .*cpu_ms_per_eval=([\\d.]+)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no timing line in the peer's output:\n" + output);
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : System.nanoTime();
    }

    /**
     * All genomes × all shared weights, compile included; inputs transposed once per call (once per
     * generation in a search). Genomes go out in contiguous chunks (several per thread, claimed
     * dynamically, so uneven genome sizes even out) and each chunk reuses one scratch buffer.
     */
    static void evaluate(List<NeuronGraph> population, float[] x, int images, int[] labels, Parallelism par,
                         double[][] fitness) {
        NodeMajorInput in = NodeMajorInput.of(x, images, 256);
        int n = population.size();
        int chunks = Math.min(n, 16 * par.threads());
        par.forEach(chunks, c -> {
            float[] scratch = new float[0];
            for (int i = (int) ((long) n * c / chunks); i < (int) ((long) n * (c + 1) / chunks); i++) {
                GraphNet net = GraphNet.compile(population.get(i));
                if (scratch.length < net.scratchSize(images)) {
                    scratch = new float[net.scratchSize(images) * 5 / 4];
                }
                net.sharedWeightFitness(in, WEIGHTS, labels, fitness[i], scratch);
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

    /** The last {@code count} completed trials (architecture "g&lt;generation&gt;|&lt;genome&gt;") of a SQLite study. */
    private static List<NeuronGraph> readStudy(Path db, int count) {
        if (!Files.isRegularFile(db)) {
            throw new IllegalArgumentException("no study database at " + db);
        }
        List<NeuronGraph> out = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.PreparedStatement q = c.prepareStatement("SELECT architecture FROM trials WHERE state = 'COMPLETE'"
                     + " ORDER BY study_id, number DESC LIMIT ?")) {
            q.setInt(1, count);
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    String a = rs.getString(1);
                    out.add(GenomeText.parse(a.substring(a.indexOf('|') + 1)));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalArgumentException("cannot read trials from " + db + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no completed trials in " + db);
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private static void describe(List<NeuronGraph> population, String source) {
        int[] hidden = population.stream().mapToInt(NeuronGraph::hiddenCount).sorted().toArray();
        int[] conns = population.stream().mapToInt(NeuronGraph::enabledConnectionCount).sorted().toArray();
        System.out.printf(Locale.ROOT, "population %s: %d genomes; hidden nodes min/median/mean/max %d/%d/%.1f/%d;"
                        + " enabled connections min/median/mean/max %d/%d/%.1f/%d%n",
                source, population.size(),
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
