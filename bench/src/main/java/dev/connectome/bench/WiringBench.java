package dev.connectome.bench;

import dev.connectome.engine.nn.Module;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.task.BatchAugmentation;
import dev.connectome.nas.task.ImageShiftFlip;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.task.TrainingListener;
import dev.connectome.nas.wiring.ChannelGraphNet;
import dev.connectome.nas.wiring.ChannelGraphSpec;
import dev.connectome.nas.wiring.NeuronGraphNet;
import dev.connectome.nas.wiring.NeuronGraphSpec;
import dev.connectome.nas.wiring.WiringVariant;
import dev.connectome.nas.wiring.WiringVariants;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * DNW vs a random graph vs the complete graph at the same edge budget, several seeds each.
 *
 * <p>{@code neuron}: the neuron-level static graph on MNIST (784 inputs, hidden blocks, 10 outputs).
 * {@code channel}: the channel-level tiny classifier on Fashion-MNIST ({@link ChannelGraphNet}).
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -cp bench/target-*&#47;benchmarks.jar
 * dev.connectome.bench.WiringBench neuron|channel [key=value ...]} with keys dataDir, seeds (1,2,3),
 * variants (dnw,random,complete), edges, epochs, lr, batch, train and test (first images used, 0 = all),
 * hidden (block sizes), threads, warmup (epochs of linear lr warm-up) and, for the channel graph, inputOps and
 * linearReadout (true/false), nodeNorm (batch|instance), diagnose (print wiring statistics every that many steps),
 * shift (random shifts of up to that many pixels, black coming in) and flip (random left–right mirror) of the
 * training images.
 */
public final class WiringBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WiringBench() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "neuron";
        WiringArgs a = WiringArgs.parse(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        Path dir = WiringData.dataDir(a.get("dataDir", null));
        long[] seeds = a.longs("seeds", "1,2,3");
        String[] variants = a.get("variants", "dnw,random,complete").split(",");
        int threads = a.integer("threads", 2);
        boolean neuron = mode.equals("neuron");
        String dataset = a.get("dataset", neuron ? "mnist" : "fashion-mnist");
        int epochs = a.integer("epochs", neuron ? 5 : 2);
        int batch = a.integer("batch", 128);
        double lr = a.decimal("lr", neuron ? 0.05 : 0.1);
        int trainLimit = a.integer("train", 0);
        Dataset[] data = WiringData.load(dir, dataset, trainLimit);
        int testLimit = a.integer("test", 0);
        if (testLimit > 0 && testLimit < data[1].size()) {
            data[1] = data[1].slice(0, testLimit);
        }
        int[] hidden = a.ints("hidden", neuron ? "100,100,100" : "64,64,64,64");
        int edges = a.integer("edges", neuron ? 2000 : 2000);
        int diagnoseEvery = a.integer("diagnose", 0);
        boolean inputOps = Boolean.parseBoolean(a.get("inputOps", "false"));
        boolean linearReadout = Boolean.parseBoolean(a.get("linearReadout", "false"));
        int warmup = a.integer("warmup", 0);
        ChannelGraphSpec.NodeNorm nodeNorm = ChannelGraphSpec.NodeNorm.valueOf(
                a.get("nodeNorm", "batch").toUpperCase(java.util.Locale.ROOT));
        int shift = a.integer("shift", 0);
        boolean flip = Boolean.parseBoolean(a.get("flip", "false"));
        BatchAugmentation augmentation = shift > 0 || flip
                ? ImageShiftFlip.forImages(data[0], shift, flip) : BatchAugmentation.none();
        System.out.printf("%s graph on %s (%d train, %d test), hidden blocks %s, %d edges, SGD lr %s momentum 0.9 wd 1e-4"
                        + " cosine, batch %d, %d epochs, %d threads, augmentation: %s%n", mode, dataset, data[0].size(),
                data[1].size(), Arrays.toString(hidden), edges, lr, batch, epochs, threads,
                shift > 0 || flip ? augmentation : "none");
        for (String name : variants) {
            WiringVariant variant = WiringVariants.get(name);
            double[] acc = new double[seeds.length];
            double seconds = 0, cpuSeconds = 0;
            long potential = 0;
            for (int s = 0; s < seeds.length; s++) {
                TrainSettings settings = WiringTrial.paperSgd(lr, epochs, batch, seeds[s], threads, warmup);
                Module model;
                TrainingListener listener = TrainingListener.none();
                if (neuron) {
                    NeuronGraphNet net = new NeuronGraphNet(new NeuronGraphSpec(784, hidden, 10, edges, 28), variant,
                            settings.random("init"));
                    potential = net.potentialEdges();
                    model = net;
                } else {
                    ChannelGraphSpec spec = new ChannelGraphSpec(1, 28, hidden, edges).withInputNodeOps(inputOps)
                            .withLinearReadout(linearReadout).withNodeNorm(nodeNorm);
                    ChannelGraphNet net = new ChannelGraphNet(spec, variant, settings.random("init"));
                    potential = net.potentialEdges();
                    model = net;
                    if (diagnoseEvery > 0) {
                        listener = new WiringDiagnostics(net.selection(), net.layout(), diagnoseEvery);
                    }
                }
                // With threads=1 the trainer computes on this thread, so its CPU time is the run's compute
                // time whatever the machine's load (wall time is not, on a shared machine).
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                WiringTrial t = WiringTrial.run(model, settings, augmentation, data[0], data[1], listener);
                double cpuPerEpoch = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9 / epochs;
                acc[s] = t.testAccuracy();
                seconds += t.epochSeconds();
                cpuSeconds += cpuPerEpoch;
                System.out.printf("  %s seed %d: test accuracy %.2f%% (last epoch's training accuracy %.2f%%),"
                                + " %.1f s/epoch wall, %.1f s/epoch CPU%s, load %.1f%n",
                        name, seeds[s], acc[s], t.trainAccuracy(), t.epochSeconds(), cpuPerEpoch,
                        threads == 1 ? "" : " (main thread)",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            }
            System.out.printf("%s %s: %s edges of %d potential: test accuracy %s %%, %.1f s/epoch wall, %.1f s/epoch CPU%n",
                    mode, name, variant.usesAllEdges() ? "all" : Integer.toString(edges), potential,
                    WiringTrial.summary(acc), seconds / seeds.length, cpuSeconds / seeds.length);
        }
    }
}
