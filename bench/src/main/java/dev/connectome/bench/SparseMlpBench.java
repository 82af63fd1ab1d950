package dev.connectome.bench;

import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Sequential;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.wiring.SparseMlp;
import dev.connectome.nas.wiring.WiringVariants;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Sparse MLPs trained with DNW's edge choice (the seed's ChooseEdges in every linear layer) at a few
 * kept fractions, against the dense MLP: the blog's "small at inference, overparameterized in
 * training" claim on MNIST. Each fraction is run with all layers sparse and with the first layer dense.
 *
 * <p>Usage: {@code ... dev.connectome.bench.SparseMlpBench [key=value ...]} with keys dataDir,
 * dataset (mnist), hidden (300,100), keeps (0.1,0.2), seeds (1,2,3), epochs, lr, batch, train, threads,
 * variant (dnw).
 */
public final class SparseMlpBench {
    private SparseMlpBench() {
    }

    public static void main(String[] args) {
        WiringArgs a = WiringArgs.parse(args);
        Path dir = WiringData.dataDir(a.get("dataDir", null));
        String dataset = a.get("dataset", "mnist");
        int[] hidden = a.ints("hidden", "300,100");
        double[] keeps = Arrays.stream(a.get("keeps", "0.1,0.2").split(",")).mapToDouble(Double::parseDouble).toArray();
        long[] seeds = a.longs("seeds", "1,2,3");
        int epochs = a.integer("epochs", 3);
        int batch = a.integer("batch", 128);
        int threads = a.integer("threads", 1);
        double lr = a.decimal("lr", 0.05);
        String variant = a.get("variant", "dnw");
        Dataset[] data = WiringData.load(dir, dataset, a.integer("train", 0));
        System.out.printf("sparse MLP 784-%s-10 on %s (%d train, %d test), %s, SGD lr %s momentum 0.9 wd 1e-4 cosine,"
                        + " batch %d, %d epochs, %d threads%n", Arrays.toString(hidden), dataset, data[0].size(),
                data[1].size(), variant, lr, batch, epochs, threads);
        run("dense", 1.0, false, "complete", hidden, seeds, epochs, batch, threads, lr, data);
        for (double keep : keeps) {
            run("keep " + keep + ", all layers sparse", keep, false, variant, hidden, seeds, epochs, batch, threads, lr, data);
            run("keep " + keep + ", first layer dense", keep, true, variant, hidden, seeds, epochs, batch, threads, lr, data);
        }
    }

    private static void run(String label, double keep, boolean firstDense, String variant, int[] hidden, long[] seeds,
                            int epochs, int batch, int threads, double lr, Dataset[] data) {
        double[] acc = new double[seeds.length];
        double seconds = 0;
        long active = 0, total = 0;
        for (int s = 0; s < seeds.length; s++) {
            TrainSettings settings = WiringTrial.paperSgd(lr, epochs, batch, seeds[s], threads);
            Sequential model = SparseMlp.of(data[0].sampleSize(), hidden, data[0].numClasses(), Activation.RELU, keep,
                    firstDense, WiringVariants.get(variant), settings.random("init"));
            active = SparseMlp.activeParameters(model);
            total = model.parameterCount();
            WiringTrial t = WiringTrial.run(model, settings, data[0], data[1]);
            acc[s] = t.testAccuracy();
            seconds += t.epochSeconds();
        }
        System.out.printf("sparse-mlp %s: %d of %d parameters used per forward pass: test accuracy %s %%, %.1f s/epoch%n",
                label, active, total, WiringTrial.summary(acc), seconds / seeds.length);
    }
}
