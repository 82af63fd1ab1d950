package dev.connectome.cli.wann;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.cli.study.StorageOptions;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.StudyListener;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.wann.ClassificationWannTask;
import dev.connectome.nas.wann.WannSearch;
import dev.connectome.nas.wann.WannSearchSettings;
import dev.connectome.nas.wann.WannSettings;
import dev.connectome.nas.wann.WannTask;
import dev.connectome.nas.wann.WannTasks;
import dev.connectome.report.Report;
import dev.connectome.report.study.StudyReport;
import dev.connectome.report.wann.WannReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connectome wann search}: a WANN search study (NSGA-II on mean reward and connection count,
 * one topological mutation per child) on swing-up or MNIST256. Each generation is stored as it
 * finishes; running the same command again continues the study.
 */
@Command(name = "search", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Evolve weight agnostic networks. Each generation is stored as it finishes, so running the",
            "same command again (or with more --generations) continues the study."})
public final class WannSearchCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "swingup",
            description = "swingup, mnist256 (needs --data) or mnist256-sample (embedded digits) (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Hyperparameters from WANNRelease p/*.json: swingup (P=192), mnist256 (P=960), laptop (P=64), "
                    + "default (default: laptop for swingup, mnist256 for the MNIST tasks).")
    String preset;

    @Option(names = "--population", paramLabel = "P", description = "Override the preset's population size.")
    Integer population;

    @Option(names = "--generations", paramLabel = "G", description = "Override the preset's generation count.")
    Integer generations;

    @Option(names = "--repeats", paramLabel = "R", description = "Override the preset's rollouts per weight value.")
    Integer repeats;

    @Option(names = "--workers", paramLabel = "K", defaultValue = "1",
            description = "Genomes evaluated at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Study seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--time", paramLabel = "SECONDS", description = "Stop after this long (finishes the open generation).")
    Double time;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (mnist256: holds mnist/).")
    Path data;

    @Option(names = "--study", paramLabel = "NAME", description = "Study name (default: wann-TASK-PRESET-pP-seedS).")
    String study;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.out", description = "Write the champion as a WANNRelease .out file.")
    Path output;

    @Option(names = "--report", paramLabel = "FILE.html", description = "Write the study's HTML report.")
    Path report;

    @Mixin
    StorageOptions storage;

    @Mixin
    CommonOptions common;

    public WannSearchCommand(Io io) {
        this.io = io;
    }

    /** The validated settings; bad values are user errors naming the option. */
    WannSearchSettings settings() {
        WannTasks.Spec spec = WannFiles.spec(task);
        String p = preset != null ? preset : spec.id().startsWith("mnist") ? "mnist256" : "laptop";
        if (time != null && !(time > 0)) {
            throw new UserException("--time must be a positive number of seconds, got " + time);
        }
        try {
            WannSettings w = WannSettings.preset(p);
            if (population != null) {
                w = w.withPopulation(population);
            }
            if (generations != null) {
                w = w.withGenerations(generations);
            }
            if (repeats != null) {
                w = w.withRepeats(repeats);
            }
            return new WannSearchSettings(spec.id(), p, w, seed, workers, time, null);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    static String defaultName(WannSearchSettings s) {
        return "wann-" + s.task() + "-" + s.preset() + "-p" + s.wann().populationSize() + "-seed" + s.seed();
    }

    @Override
    public Integer call() throws IOException {
        WannSearchSettings s = settings();
        String name = study != null ? study : defaultName(s);
        io.out().printf(Locale.ROOT, "settings: study %s, task %s, preset %s, %s, seed %d, %d worker(s), store %s%n", name,
                s.task(), s.preset(), s.wann().toMap(), s.seed(), s.workers(), storage.describe());
        io.out().flush();
        WannTasks.Spec spec = WannFiles.spec(s.task());
        WannTask t = WannFiles.task(spec, data);
        String sha = t instanceof ClassificationWannTask c ? c.train().sha256() : null;
        long start = System.nanoTime();
        try (TrialStore store = storage.openOrCreate(); ThreadExecutor ex = ThreadExecutor.of(s.workers())) {
            Optional<StudyInfo> existing = store.findStudy(name);
            if (existing.isPresent()) {
                WannSearchSettings stored = WannSearch.settingsOf(existing.get());
                if (!stored.task().equals(s.task()) || !stored.wann().withGenerations(1).equals(s.wann().withGenerations(1))) {
                    throw new UserException("study '" + name + "' already exists in " + storage.describe()
                            + " with other settings (" + stored.wann().toMap() + "); choose another --study name");
                }
                io.out().printf("study '%s' exists with these settings: continuing it%n", name);
            }
            StudyResult r;
            try {
                r = WannSearch.builder(name, s, t, sha, store, ex).listener(new GenerationLines(io, s.wann().populationSize()))
                        .build().run();
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage(), e);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            TrialRecord best = r.best().orElseThrow(() -> new UserException("no trial completed"));
            NeuronGraph g = WannSearch.space(spec, s.wann()).parse(best.architecture()).graph();
            io.out().printf(Locale.ROOT, "done (%s) in %.1f s: %d trials complete, %d evaluated by this run%n", r.stopReason(),
                    seconds, r.complete(), r.evaluated());
            io.out().printf(Locale.ROOT, "champion: trial %d, mean %.4g over the shared weights, best weight %.4g, "
                    + "%d connections, %d hidden nodes%n", best.number(), best.value(),
                    best.metrics().getOrDefault("max", Double.NaN), g.enabledConnectionCount(), g.hiddenCount());
            if (output != null) {
                WannOutFormat.write(g, output);
                io.out().println("champion written to " + output);
            }
            if (report != null) {
                StudyInfo info = store.findStudy(name).orElseThrow();
                Report rep = StudyReport.builder(info, store.trials(name)).addSections(WannReport.sections(info,
                        store.trials(name))).build();
                rep.writeTo(report);
                io.out().println("report written to " + report);
            }
        }
        return ExitCodes.OK;
    }

    /** One line per finished generation: best mean, best single weight, champion size. */
    private static final class GenerationLines implements StudyListener {
        private final Io io;
        private final int population;
        private double bestMean = Double.NEGATIVE_INFINITY;
        private double bestMax = Double.NEGATIVE_INFINITY;
        private double connections;
        private final long start = System.nanoTime();

        GenerationLines(Io io, int population) {
            this.io = io;
            this.population = population;
        }

        @Override
        public void trialTold(TrialRecord t, Optional<TrialRecord> best) {
            if (t.isComplete()) {
                if (t.value() > bestMean) {
                    bestMean = t.value();
                    connections = t.metrics().getOrDefault("connections", Double.NaN);
                }
                bestMax = Math.max(bestMax, t.metrics().getOrDefault("max", t.value()));
            }
            if (t.number() % population == population - 1) {
                io.out().printf(Locale.ROOT, "generation %4d: best mean %.4g, best single weight %.4g, champion %.0f connections"
                        + " (%.0f s)%n", t.number() / population, bestMean, bestMax, connections, (System.nanoTime() - start) / 1e9);
                io.out().flush();
                bestMean = Double.NEGATIVE_INFINITY;
                bestMax = Double.NEGATIVE_INFINITY;
            }
        }
    }
}
