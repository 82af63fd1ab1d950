package dev.connectome.cli.weights;

import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.engine.Parallelism;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import dev.connectome.nas.task.control.CartPoleSwingUp;
import dev.connectome.nas.weights.Checkpoint;
import dev.connectome.nas.weights.ControlWeightsTask;
import dev.connectome.nas.weights.EsTask;
import dev.connectome.nas.weights.EsTrainer;
import dev.connectome.nas.weights.EsTrainingSettings;
import dev.connectome.nas.weights.TrainingCsv;
import dev.connectome.nas.weights.TrainingRun;
import dev.connectome.nas.weights.WeightInit;
import dev.connectome.nas.weights.WeightTrainer;
import dev.connectome.nas.weights.WeightTrainers;
import dev.connectome.nas.weights.WeightsJson;
import dev.connectome.nas.weights.WeightsTask;
import dev.connectome.report.Report;
import dev.connectome.report.landscape.AccuracyBandsSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code connectome weights train}: trains a genome's per-connection weights on MNIST256 with
 * backprop (adam, sgd) or an evolution strategy (pepg, oes, cmaes), or on cart-pole swing-up with a
 * strategy (fitness = mean episode return), for several seeds; writes the checkpoints as CSV (for
 * swingup the accuracy columns hold mean returns), the weights of each seed as WANNTool zoo json
 * (with the task's weight bias), and an HTML report with curves (mean and min–max band over seeds).
 */
@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = "Train a WANN genome's per-connection weights on MNIST256 (backprop or an evolution strategy) or swing-up (evolution strategy).")
public final class WeightsTrainCommand implements Callable<Integer> {
    /** Fixed episodes behind the train and validation returns of a swingup checkpoint. */
    private static final int EVAL_EPISODES = 16;

    private final Io io;

    @Option(names = "--graph", required = true, paramLabel = "FILE.out", description = "Genome in WANNRelease .out format or wann export --json (mnist256: 256 inputs, 10 outputs; swingup: 5 and 1).")
    Path graph;

    @Option(names = "--task", defaultValue = "mnist256", description = "mnist256 (accuracy) or swingup (episode return; strategies only) (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam, sgd, pepg, oes or cmaes (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs for adam/sgd (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--generations", defaultValue = "1000", description = "Generations for pepg/oes/cmaes (default: ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--seeds", defaultValue = "1", description = "Comma-separated seeds, run in parallel (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--episodes", defaultValue = "4", description = "swingup: episodes per candidate and generation, the same starts for the whole population (default: ${DEFAULT-VALUE}, as WANNTool).")
    int episodes;

    @Option(names = "--test-episodes", defaultValue = "100", description = "swingup: fixed unseen episodes for the test return at each checkpoint (default: ${DEFAULT-VALUE}).")
    int testEpisodes;

    @Option(names = "--init", description = "Starting weights: he, zero, genome or shared:W (default: he for backprop; for strategies the task's weight bias, WANNTool's start: 0 on mnist256, -1.5 on swingup).")
    String init;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory with mnist/ (default: $CONNECTOME_DATA or ../shared/data).")
    Path data;

    @Option(names = "--train-count", defaultValue = "50000", description = "Training images; the rest of the training set validates (default: ${DEFAULT-VALUE}).")
    int trainCount;

    @Option(names = "--threads", defaultValue = "0", description = "Threads (0 = all cores).")
    int threads;

    @Option(names = {"-o", "--out"}, defaultValue = "weights-out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    public WeightsTrainCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        boolean control = task.equals("swingup");
        if (!control && !task.equals("mnist256")) {
            throw new UserException("--task: mnist256 or swingup, got '" + task + "'");
        }
        if (!WeightTrainers.ids().contains(optimizer)) {
            throw new UserException("--optimizer: unknown '" + optimizer + "' (known: " + String.join(", ", WeightTrainers.ids()) + ")");
        }
        boolean backprop = !WeightTrainers.strategyIds().contains(optimizer);
        if (control && backprop) {
            throw new UserException("--optimizer: " + optimizer + " needs gradients; the " + task
                    + " return is trained with " + String.join(", ", WeightTrainers.strategyIds()));
        }
        int length = backprop ? epochs : generations;
        if (length < 1) {
            throw new UserException((backprop ? "--epochs" : "--generations") + " must be >= 1, got " + length);
        }
        if (threads < 0) {
            throw new UserException("--threads must be >= 0, got " + threads);
        }
        if (episodes < 1 || testEpisodes < 1) {
            throw new UserException("--episodes and --test-episodes must be >= 1, got " + episodes + " and " + testEpisodes);
        }
        long[] seedList = Inputs.seeds(seeds);
        WeightInit start;
        try {
            start = init == null ? null : WeightInit.parse(init);
        } catch (IllegalArgumentException e) {
            throw new UserException("--init: " + e.getMessage());
        }
        NeuronGraph g = Inputs.graph(graph, control ? "swingup" : "mnist256");
        float bias = control ? TunedWeights.SWINGUP_WEIGHT_BIAS : TunedWeights.MNIST_WEIGHT_BIAS;
        WeightsTask mnist = control ? null : new WeightsTask(g, Inputs.mnist256(Inputs.dataDir(data), trainCount));
        EsTask esTask = control
                ? new ControlWeightsTask(g, CartPoleSwingUp.standard(), bias, EVAL_EPISODES, EVAL_EPISODES, testEpisodes)
                : mnist;
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        io.out().printf(Locale.ROOT, "weights train: graph %s (%d connections, %d hidden), task %s, optimizer %s, %s %d, seeds %s, threads %d%n",
                graph, g.enabledConnectionCount(), g.hiddenCount(), task, optimizer, backprop ? "epochs" : "generations", length,
                seeds, n);
        boolean returns = esTask.metric().equals("return");
        List<TrainingRun> runs = Collections.synchronizedList(new ArrayList<>());
        WeightTrainer.Listener log = (id, seed, c) -> {
            synchronized (io) {
                io.out().printf(Locale.ROOT, "seed %d %s %d: train %s val %s test %s (%.0f s)%n", seed,
                        backprop ? "epoch" : "generation", c.step(), metric(c.trainAccuracy(), returns),
                        metric(c.validationAccuracy(), returns), metric(c.testAccuracy(), returns), c.seconds());
                io.out().flush();
            }
        };
        try (Parallelism par = Parallelism.of(n)) {
            if (backprop) {
                // Backprop runs are single-threaded: parallelise over seeds.
                WeightTrainer trainer = WeightTrainers.create(optimizer, length, start);
                Parallelism inner = seedList.length == 1 ? par : Parallelism.single();
                par.forEach(seedList.length, i -> runs.add(trainer.train(mnist, seedList[i], inner, log)));
            } else {
                // ES runs use all threads for the population, one seed after the other.
                EsTrainingSettings settings = EsTrainingSettings.of(length)
                        .withInit(start != null ? start : new WeightInit.Shared(bias))
                        .withFitnessBatch(control ? episodes : EsTrainingSettings.of(length).fitnessBatch());
                EsTrainer trainer = WeightTrainers.strategy(optimizer, settings);
                for (long s : seedList) {
                    runs.add(trainer.train(esTask, s, par, log));
                }
            }
        }
        List<TrainingRun> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Long.compare(a.seed(), b.seed()));
        TrainingCsv.write(sorted, out.resolve("runs.csv"));
        double test = 0;
        for (TrainingRun r : sorted) {
            WeightsJson.write(r.weights(), bias, r.last().testAccuracy(),
                    out.resolve(optimizer + "-seed" + r.seed() + ".json"));
            test += r.last().testAccuracy();
        }
        Report report = Report.builder("Weight training: " + optimizer)
                .optSubtitle(graph.getFileName() + ", " + g.enabledConnectionCount() + " connections")
                .addSection(new AccuracyBandsSection(TrainingCsv.parse(TrainingCsv.format(sorted), "runs"),
                        backprop ? "epoch" : "generation", esTask.metric()))
                .build();
        try {
            report.writeTo(out.resolve("report.html"));
        } catch (java.io.IOException e) {
            throw new UserException("cannot write " + out.resolve("report.html") + ": " + e.getMessage(), e);
        }
        Checkpoint last = sorted.get(0).last();
        io.out().printf(Locale.ROOT, "mean test %s over %d seed(s): %s (seed %d: %s); wrote %s%n", esTask.metric(),
                sorted.size(), metric(test / sorted.size(), returns), sorted.get(0).seed(), metric(last.testAccuracy(), returns), out);
        return ExitCodes.OK;
    }

    private static String metric(double v, boolean returns) {
        return returns ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
