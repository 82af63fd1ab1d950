package dev.connectome.cli.weights;

import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.engine.Parallelism;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import dev.connectome.nas.weights.Checkpoint;
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
 * backprop (adam, sgd) or an evolution strategy (pepg, oes, cmaes), for several seeds; writes the
 * checkpoints as CSV, the weights of each seed as WANNTool zoo json, and an HTML report with
 * accuracy curves (mean and min–max band over seeds).
 */
@Command(name = "train", sortOptions = false, usageHelpAutoWidth = true, mixinStandardHelpOptions = true,
        description = "Train a WANN genome's per-connection weights on MNIST256 (backprop or an evolution strategy).")
public final class WeightsTrainCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--graph", required = true, paramLabel = "FILE.out", description = "Genome in WANNRelease .out format (256 inputs, 10 outputs).")
    Path graph;

    @Option(names = "--task", defaultValue = "mnist256", description = "Task (only mnist256 so far; default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam, sgd, pepg, oes or cmaes (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs for adam/sgd (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--generations", defaultValue = "1000", description = "Generations for pepg/oes/cmaes (default: ${DEFAULT-VALUE}).")
    int generations;

    @Option(names = "--seeds", defaultValue = "1", description = "Comma-separated seeds, run in parallel (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--init", description = "Starting weights: he, zero or genome (default: he for backprop, zero for strategies).")
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
        if (!task.equals("mnist256")) {
            throw new UserException("--task: only mnist256 is supported so far, got '" + task + "'");
        }
        if (!WeightTrainers.ids().contains(optimizer)) {
            throw new UserException("--optimizer: unknown '" + optimizer + "' (known: " + String.join(", ", WeightTrainers.ids()) + ")");
        }
        boolean backprop = optimizer.equals("adam") || optimizer.equals("sgd");
        int length = backprop ? epochs : generations;
        if (length < 1) {
            throw new UserException((backprop ? "--epochs" : "--generations") + " must be >= 1, got " + length);
        }
        if (threads < 0) {
            throw new UserException("--threads must be >= 0, got " + threads);
        }
        long[] seedList = Inputs.seeds(seeds);
        WeightInit start;
        try {
            start = init == null ? null : WeightInit.parse(init);
        } catch (IllegalArgumentException e) {
            throw new UserException("--init: " + e.getMessage());
        }
        NeuronGraph g = Inputs.mnistGraph(graph);
        WeightsTask wt = new WeightsTask(g, Inputs.mnist256(Inputs.dataDir(data), trainCount));
        int n = threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        io.out().printf(Locale.ROOT, "weights train: graph %s (%d connections, %d hidden), optimizer %s, %s %d, seeds %s, threads %d%n",
                graph, g.enabledConnectionCount(), g.hiddenCount(), optimizer, backprop ? "epochs" : "generations", length,
                seeds, n);
        WeightTrainer trainer = WeightTrainers.create(optimizer, length, start);
        List<TrainingRun> runs = Collections.synchronizedList(new ArrayList<>());
        WeightTrainer.Listener log = (id, seed, c) -> {
            synchronized (io) {
                io.out().printf(Locale.ROOT, "seed %d %s %d: train %.2f%% val %.2f%% test %.2f%% (%.0f s)%n", seed,
                        backprop ? "epoch" : "generation", c.step(), 100 * c.trainAccuracy(), 100 * c.validationAccuracy(),
                        100 * c.testAccuracy(), c.seconds());
                io.out().flush();
            }
        };
        try (Parallelism par = Parallelism.of(n)) {
            if (seedList.length == 1 || backprop) {
                // Backprop runs are single-threaded: parallelise over seeds. ES runs use all threads for the population.
                Parallelism inner = seedList.length == 1 ? par : Parallelism.single();
                par.forEach(seedList.length, i -> runs.add(trainer.train(wt, seedList[i], inner, log)));
            } else {
                for (long s : seedList) {
                    runs.add(trainer.train(wt, s, par, log));
                }
            }
        }
        List<TrainingRun> sorted = new ArrayList<>(runs);
        sorted.sort((a, b) -> Long.compare(a.seed(), b.seed()));
        TrainingCsv.write(sorted, out.resolve("runs.csv"));
        double test = 0;
        for (TrainingRun r : sorted) {
            WeightsJson.write(r.weights(), TunedWeights.MNIST_WEIGHT_BIAS, r.last().testAccuracy(),
                    out.resolve(optimizer + "-seed" + r.seed() + ".json"));
            test += r.last().testAccuracy();
        }
        Report report = Report.builder("Weight training: " + optimizer)
                .optSubtitle(graph.getFileName() + ", " + g.enabledConnectionCount() + " connections")
                .addSection(new AccuracyBandsSection(TrainingCsv.parse(TrainingCsv.format(sorted), "runs"),
                        backprop ? "epoch" : "generation"))
                .build();
        try {
            report.writeTo(out.resolve("report.html"));
        } catch (java.io.IOException e) {
            throw new UserException("cannot write " + out.resolve("report.html") + ": " + e.getMessage(), e);
        }
        Checkpoint last = sorted.get(0).last();
        io.out().printf(Locale.ROOT, "mean test accuracy over %d seed(s): %.2f%% (seed %d: %.2f%%); wrote %s%n", sorted.size(),
                100 * test / sorted.size(), sorted.get(0).seed(), 100 * last.testAccuracy(), out);
        return ExitCodes.OK;
    }
}
