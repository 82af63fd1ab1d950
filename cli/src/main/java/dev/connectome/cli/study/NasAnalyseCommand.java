package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.analysis.ControllerComparison;
import dev.connectome.nas.analysis.ControllerSimilarity;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.search.reinforce.Controller;
import dev.connectome.nas.search.reinforce.ReinforceStrategy;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.report.Report;
import dev.connectome.report.controller.ControllerSections;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code connectome nas analyse STUDY}: seed 002's controller analysis of a REINFORCE study (an ENAS
 * study goes to {@link EnasAnalysis}). The
 * trained controller is rebuilt by replaying the study's finished trials in trial order (the strategy
 * learns from told values only, so this gives the controller the study ended with); the untrained one
 * comes from the same seed. Writes an HTML report with the score distributions of sampled children,
 * hidden-state heatmaps and the embedding-similarity Spearman table, and prints a summary.
 */
@Command(name = "analyse", aliases = "analyze", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Controller analysis of a reinforce or enas study: trained vs untrained samples, hidden states, "
                + "embedding similarity (HTML report)."})
public final class NasAnalyseCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "STUDY", description = "A study made by 'nas search --strategy reinforce' or '--space enas --strategy enas'.")
    String study;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1000",
            description = "Children sampled from each controller for the score distributions (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "100",
            description = "Sampled children in each hidden-state heatmap and correlation (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.html",
            description = "Where to write the report (default: STUDY-controller.html).")
    Path output;

    @Mixin
    StorageOptions storage;

    @Mixin
    CommonOptions common;

    public NasAnalyseCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        if (samples < 1 || rows < 3) {
            throw new UserException("--samples must be >= 1 and --rows >= 3, got " + samples + " and " + rows);
        }
        Path file = output != null ? output : Path.of(study.replaceAll("[^A-Za-z0-9._-]", "_") + "-controller.html");
        if (Files.isDirectory(file)) {
            throw new UserException("report output " + file + " is a directory; name a file");
        }
        try (TrialStore store = storage.openExisting()) {
            StudyInfo info = storage.find(store, study);
            if ("enas".equals(info.space()) && SearchPlan.of(info) instanceof EnasPlan enasPlan) {
                EnasAnalysis.write(io, store, study, enasPlan, samples, rows, seed, file);
                return ExitCodes.OK;
            }
            if (!PolicySearchRunner.handles(info) || !"reinforce".equals(PolicySearchRunner.settingsOf(info).strategy())) {
                throw new UserException("study '" + study + "' was not made by the reinforce or enas strategy (it uses '"
                        + info.strategy() + "'); analyse needs a controller");
            }
            PolicySearchSettings s = PolicySearchRunner.settingsOf(info);
            Nb201Space space = new Nb201Space();
            ReinforceStrategy<Nb201Cell> strategy = new ReinforceStrategy<>(space, s.controller());
            List<TrialRecord> trials = store.trials(study).stream().filter(t -> t.state().isFinished())
                    .sorted(Comparator.comparingInt(TrialRecord::number)).toList();
            for (TrialRecord t : trials) {
                Nb201Cell cell = space.parse(t.architecture());
                strategy.tell(cell, t.state() == TrialState.COMPLETE ? Evaluation.complete(t.value())
                        : Evaluation.failed(t.failure() == null ? "failed" : t.failure()));
            }
            LinkedHashMap<String, Controller> controllers = new LinkedHashMap<>();
            controllers.put("untrained", strategy.untrainedController());
            controllers.put("trained (" + trials.size() + " children)", strategy.controller());
            Nb201Table table = Nb201Table.get();
            ControllerComparison c = ControllerComparison.run(controllers,
                    t -> table.accuracy(space.tokens().decode(t), s.dataset()), ControllerSimilarity.nb201(), samples,
                    rows, 200, seed);
            Report.builder("Controller analysis: " + study)
                    .optSubtitle(String.format(Locale.ROOT, "%d finished trials replayed; %d samples per controller; "
                            + "scores from the NB201 table (%s test accuracy)", trials.size(), samples, s.dataset().id()))
                    .optGenerator("connectome " + dev.connectome.cli.TrainingRun.versionString())
                    .optGeneratedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                    .addSections(ControllerSections.of(c, s.dataset().id() + " test accuracy (%)"))
                    .build().writeTo(file);
            for (ControllerComparison.Entry e : c.entries()) {
                io.out().printf(Locale.ROOT, "%s: mean %.2f ± %.2f, max %.2f, %d distinct of %d; hidden-state unit sd %.4f;"
                        + " Spearman(distance, shared choices) %.3f%n", e.label(), e.scores().mean(), e.scores().sd(),
                        e.scores().max(), e.scores().unique(), samples, e.states().meanUnitSd(),
                        e.correlations().get(0).rho());
            }
            io.out().printf("wrote %s%n", file);
        }
        return ExitCodes.OK;
    }
}
