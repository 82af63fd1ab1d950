package dev.connectome.cli.study;

import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.analysis.ControllerComparison;
import dev.connectome.nas.analysis.ControllerSimilarity;
import dev.connectome.nas.cell.EnasCell;
import dev.connectome.nas.cell.EnasSearch;
import dev.connectome.nas.search.reinforce.Controller;
import dev.connectome.nas.search.reinforce.ReinforceStrategy;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.report.Report;
import dev.connectome.report.controller.ControllerSections;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Seed 002's controller analysis of an ENAS study ({@code nas analyse} on a {@code --space enas} study):
 * the search is replayed from the stored trials (re-training the shared weights, deterministic), then
 * children sampled from the untrained and the trained controller are scored with the shared weights on
 * the fixed validation images — the seed's setting (ENAS scores are shared-weight validation scores).
 */
final class EnasAnalysis {
    private EnasAnalysis() {
    }

    /** Token-similarity measures of ENAS cells: all decisions, node inputs only, activations only. */
    static List<ControllerSimilarity> similarities() {
        return List.of(ControllerSimilarity.sharedTokens(),
                new ControllerSimilarity("shared inputs", (a, b) -> shared(a, b, 0)),
                new ControllerSimilarity("shared activations", (a, b) -> shared(a, b, 1)));
    }

    private static double shared(int[] a, int[] b, int parity) {
        int n = 0;
        for (int i = parity; i < Math.min(a.length, b.length); i += 2) {
            n += a[i] == b[i] ? 1 : 0;
        }
        return n;
    }

    /** Replays study {@code name}, writes the HTML report to {@code file} and prints one line per controller. */
    static void write(Io io, TrialStore store, String name, EnasPlan plan, int samples, int rows, long seed, Path file)
            throws IOException {
        EnasSearchSettings s = plan.s();
        if (!s.strategy().equals("enas")) {
            throw new UserException("study '" + name + "' samples ENAS cells uniformly (strategy random); analyse needs a "
                    + "controller (--strategy enas)");
        }
        List<TrialRecord> trials = store.trials(name).stream().filter(t -> t.state().isFinished())
                .sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        EnasSearch search = plan.search();
        try {
            search.replay(trials.stream().map(t -> new EnasSearch.Told(t.architecture(), t.isComplete() ? t.value()
                    : Double.NaN, t.failure())).toList());
        } catch (IllegalArgumentException e) {
            throw new UserException("study '" + name + "': " + e.getMessage(), e);
        }
        ReinforceStrategy<EnasCell> controller = search.controller().orElseThrow();
        LinkedHashMap<String, Controller> controllers = new LinkedHashMap<>();
        controllers.put("untrained", controller.untrainedController());
        controllers.put("trained (" + controller.updates() + " updates)", controller.controller());
        ControllerComparison c = ControllerComparison.run(controllers,
                t -> search.sharedAccuracy(search.space().tokens().decode(t)), similarities(), samples, rows, 200, seed);
        Report.builder("Controller analysis: " + name)
                .optSubtitle(String.format(Locale.ROOT, "ENAS search replayed from %d finished trials; %d samples per "
                        + "controller, scored with the final shared weights on %d %s validation images", trials.size(),
                        samples, s.rankingImages(), s.data()))
                .optGenerator("connectome " + dev.connectome.cli.TrainingRun.versionString())
                .optGeneratedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .addSections(ControllerSections.of(c, "shared-weight validation accuracy (%)"))
                .build().writeTo(file);
        for (ControllerComparison.Entry e : c.entries()) {
            io.out().printf(Locale.ROOT, "%s: mean %.2f ± %.2f, max %.2f, %d distinct of %d; hidden-state unit sd %.4f;"
                    + " Spearman(distance, shared choices) %.3f%n", e.label(), e.scores().mean(), e.scores().sd(),
                    e.scores().max(), e.scores().unique(), samples, e.states().meanUnitSd(), e.correlations().get(0).rho());
        }
        io.out().printf("wrote %s%n", file);
    }
}
