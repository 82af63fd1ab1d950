package dev.connectome.cli.wann;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.study.Seeds;
import dev.connectome.nas.wann.ClassificationWannTask;
import dev.connectome.nas.wann.ConnectionWeights;
import dev.connectome.nas.wann.WannSettings;
import dev.connectome.nas.wann.WannTask;
import dev.connectome.nas.wann.WannTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code connectome wann eval FILE}: a WANNRelease {@code .out} genome on its task, at the six standard
 * shared weights (default), one shared weight, or tuned per-connection weights from a WANNTool JSON.
 * Control tasks report the mean reward over episodes; classification reports test accuracy (and the
 * ensemble's majority vote when all six weights are used).
 */
@Command(name = "eval", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Evaluate a WANN (.out file) on its task at shared weights or tuned weights."})
public final class WannEvalCommand implements Callable<Integer> {
    private static final long EPISODE_STREAM = 0xE915L;

    private final Io io;

    @Parameters(index = "0", paramLabel = "FILE", description = "Genome in WANNRelease .out format.")
    Path file;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "swingup",
            description = "swingup, mnist256 (needs --data) or mnist256-sample (default: ${DEFAULT-VALUE}).")
    String task;

    static final class WeightChoice {
        @Option(names = "--weight", paramLabel = "W", description = "One shared weight for every connection.")
        Float weight;

        @Option(names = "--weights", paramLabel = "JSON",
                description = "Tuned per-connection weights (WANNTool zoo JSON [params, score]).")
        Path weights;
    }

    @ArgGroup(exclusive = true)
    WeightChoice choice;

    @Option(names = "--weight-bias", paramLabel = "B",
            description = "Added to every tuned weight (default: the task's WANNTool weight_bias, -1.5 for swingup).")
    Float weightBias;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "10",
            description = "Control tasks: episodes per weight setting (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Episode seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (mnist256: holds mnist/).")
    Path data;

    @Mixin
    CommonOptions common;

    public WannEvalCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (episodes < 1) {
            throw new UserException("--episodes must be >= 1, got " + episodes);
        }
        WannTasks.Spec spec = WannFiles.spec(task);
        NeuronGraph g = WannFiles.readGenome(file, spec);
        GraphNet net = GraphNet.compile(g);
        List<ConnectionWeights> settings = new ArrayList<>();
        if (choice != null && choice.weights != null) {
            float bias = weightBias != null ? weightBias : spec.weightBias();
            settings.add(new ConnectionWeights.PerConnection(WannFiles.readWeights(choice.weights, net, bias)));
        } else if (choice != null && choice.weight != null) {
            settings.add(new ConnectionWeights.Shared(choice.weight));
        } else {
            settings.addAll(ConnectionWeights.shared(WannSettings.STANDARD_WEIGHTS));
        }
        io.out().printf(Locale.ROOT, "%s: %d nodes (%d hidden), %d enabled connections; task %s%n", file,
                g.nodes().size(), g.hiddenCount(), g.enabledConnectionCount(), spec.id());
        WannTask t = WannFiles.task(spec, data);
        if (t instanceof ClassificationWannTask) {
            Dataset test = WannTasks.mnist256Test(data, spec.id());
            double sum = 0;
            for (ConnectionWeights w : settings) {
                double acc = ClassificationWannTask.accuracy(net, w, test);
                sum += acc;
                io.out().printf(Locale.ROOT, "%-16s test accuracy %.2f%% (%d images)%n", w.label(), 100 * acc, test.size());
            }
            if (settings.size() > 1) {
                io.out().printf(Locale.ROOT, "%-16s test accuracy %.2f%%%n", "mean of weights", 100 * sum / settings.size());
                io.out().printf(Locale.ROOT, "%-16s test accuracy %.2f%% (majority vote)%n", "ensemble",
                        100 * ClassificationWannTask.ensembleAccuracy(net, settings, test));
            }
        } else {
            long[] seeds = new long[episodes];
            for (int i = 0; i < episodes; i++) {
                seeds[i] = Seeds.derive(seed, EPISODE_STREAM, i);
            }
            double[][] rewards = t.rewards(g, settings, seeds);
            double all = 0;
            for (int w = 0; w < settings.size(); w++) {
                double mean = mean(rewards[w]);
                all += mean;
                io.out().printf(Locale.ROOT, "%-16s mean reward %7.1f ± %5.1f over %d episodes%n", settings.get(w).label(),
                        mean, sd(rewards[w], mean), episodes);
            }
            if (settings.size() > 1) {
                io.out().printf(Locale.ROOT, "%-16s mean reward %7.1f%n", "mean of weights", all / settings.size());
            }
        }
        return ExitCodes.OK;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double sd(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return v.length > 1 ? Math.sqrt(s / (v.length - 1)) : 0;
    }
}
