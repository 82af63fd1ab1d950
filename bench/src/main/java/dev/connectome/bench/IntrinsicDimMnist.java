package dev.connectome.bench;

import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Mlp;
import dev.connectome.nas.analysis.IntrinsicDimension;
import dev.connectome.nas.analysis.IntrinsicDimensionCsv;
import dev.connectome.nas.analysis.IntrinsicDimensionSettings;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep;
import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.subspace.LeNet;
import dev.connectome.nas.subspace.Projections;
import dev.connectome.nas.subspace.SubspaceMode;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.TrainSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Intrinsic dimension of MNIST FC 784-200-200-10 (Li et al. 2018 report d_int90 = 750): trains the
 * full network and the network in random d-dimensional subspaces (θ = θ₀ + Pω, Adam, batch 128) per
 * seed, evaluates on the 10,000 test images, prints one line per run and the d_int90 estimates,
 * and writes the runs as CSV.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar
 * dev.connectome.bench.IntrinsicDimMnist dataDir dims seeds epochs projection lr threads out.csv [model [baseline]]}, e.g.
 * {@code ../shared/data 10,100,300,500,750,1000,2000 1,2 5 fastfood 1e-3 1 subspace.csv}; model {@code fc}
 * (default, 784-200-200-10, Li et al. 750) or {@code lenet} ({@link LeNet}, D = 44,426, Li et al. 290);
 * baseline {@code yes} (default) or {@code no} (skip the full network, e.g. when the dims are split
 * over several processes and only one of them trains the baseline).
 */
public final class IntrinsicDimMnist {
    private IntrinsicDimMnist() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(arg(args, 0, System.getenv().getOrDefault("CONNECTOME_DATA", "../shared/data")));
        if (!Files.isDirectory(dir)) {
            System.err.println("IntrinsicDimMnist: data directory " + dir + " not found (set CONNECTOME_DATA)");
            System.exit(2);
        }
        List<Integer> dims = Arrays.stream(arg(args, 1, "10,100,300,500,750,1000,2000").split(","))
                .map(Integer::valueOf).toList();
        List<Long> seeds = Arrays.stream(arg(args, 2, "1,2").split(",")).map(Long::valueOf).toList();
        int epochs = Integer.parseInt(arg(args, 3, "5"));
        String projection = arg(args, 4, "fastfood");
        double lr = Double.parseDouble(arg(args, 5, "1e-3"));
        int threads = Integer.parseInt(arg(args, 6, "1"));
        Path out = Path.of(arg(args, 7, "intrinsic-dim-mnist.csv"));
        String model = arg(args, 8, "fc");
        if (!model.equals("fc") && !model.equals("lenet")) {
            System.err.println("IntrinsicDimMnist: model must be fc or lenet, got " + model);
            System.exit(2);
        }
        boolean lenet = model.equals("lenet");
        int liEtAl = lenet ? 290 : 750;
        boolean baseline = !arg(args, 9, "yes").equals("no");

        Dataset rawTrain = DataSets.load(dir, "mnist", true);
        double[] stats = SubspaceStep.meanStd(rawTrain.features());
        Dataset train = SubspaceStep.standardize(rawTrain, stats);
        Dataset test = SubspaceStep.standardize(DataSets.load(dir, "mnist", false), stats);
        // Li et al.: Adam lr 1e-3, batch 128, β2 = 0.99 (their default).
        TrainSettings ts = TrainSettings.defaults().withEpochs(epochs).withBatchSize(128).withThreads(threads)
                .withValidationFraction(0).withOptimizer(new OptimizerSpec(OptimizerSpec.Kind.ADAM, lr, 0, false, 0, 0.9, 0.99, 1e-8, 0.99));
        IntrinsicDimensionSettings settings = new IntrinsicDimensionSettings(dims, seeds, projection, SubspaceMode.OFFSET,
                ts, 0.9, baseline);
        System.out.printf(Locale.ROOT, "intrinsic dimension, MNIST %s: dims=%s seeds=%s epochs=%d %s lr=%g threads=%d%n",
                lenet ? "LeNet" : "FC 784-200-200-10", dims, seeds, epochs, projection, lr, threads);
        IntrinsicDimensionSweep.SweepResult result = new IntrinsicDimensionSweep(settings, Projections.standard()).run(
                rng -> lenet ? LeNet.forFeatures(784, 10, rng) : Mlp.of(784, new int[] {200, 200}, 10, Activation.RELU, rng),
                train, test,
                new IntrinsicDimensionSweep.Listener() {
                    @Override
                    public void onRunEnd(IntrinsicDimensionSweep.SweepRun r) {
                        System.out.printf(Locale.ROOT, "d=%-7s seed=%d params=%d test_acc=%.4f test_loss=%.4f %.1fs (%.1f ms/step)%s%n",
                                r.baseline() ? "full" : Integer.toString(r.dimension()), r.seed(), r.parameters(),
                                r.accuracy(), r.loss(), r.seconds(),
                                1e3 * r.seconds() / Math.max(1, (long) r.stepsPerEpoch() * r.epochs().size()),
                                r.failure() == null ? "" : " FAILED: " + r.failure());
                    }
                });
        IntrinsicDimensionCsv.write(result, out);
        print("relative to the measured baseline", result.relative());
        print("absolute (Li et al.'s global baseline 100%)", result.absolute());
        System.out.printf(Locale.ROOT, "baseline accuracy %.4f; Li et al. d_int90 = %d; csv %s%n", result.baselineAccuracy(), liEtAl, out);
    }

    private static void print(String what, IntrinsicDimension.Summary s) {
        if (s == null) {
            return;
        }
        System.out.printf(Locale.ROOT, "d_int90 %s: threshold %.4f, mean curve %s (first grid point %d), per seed %s, "
                + "seed mean %.0f ± %.0f%n", what, s.threshold(), fmt(s.ofMeanCurve().dimension()),
                s.ofMeanCurve().gridPoint(), s.perSeed().entrySet().stream()
                        .map(e -> e.getKey() + ":" + fmt(e.getValue().dimension())).toList(), s.seedMean(), s.seedStd());
    }

    private static String fmt(double d) {
        return Double.isNaN(d) ? "not reached" : String.format(Locale.ROOT, "%.0f", d);
    }

    private static String arg(String[] args, int i, String def) {
        return args.length > i ? args[i] : def;
    }
}
