package dev.connectome.cli.demo;

import dev.connectome.cli.study.Nb201Runner;
import dev.connectome.cli.study.ReportCommand;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201SearchSettings;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.study.sql.TrialStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A short regularized-evolution search over NAS-Bench-201 cells, answered from the bundled accuracy
 * table (instant), stored in a SQLite store in the output directory, with its HTML report. The study
 * is started afresh on every demo run so the output always matches the demo's seed.
 */
final class Nb201DemoStep implements DemoStep {
    static final String STUDY = "demo-nb201-evolution";
    private static final int BUDGET = 100;

    @Override
    public String title() {
        return "NAS-Bench-201 search: regularized evolution, " + BUDGET + " table queries";
    }

    @Override
    public void run(DemoContext ctx) throws Exception {
        Files.createDirectories(ctx.outDir());
        Path db = ctx.outDir().resolve("studies.db");
        Path report = ctx.outDir().resolve("nb201-report.html");
        Nb201SearchSettings s = Nb201SearchSettings.of("evolution", BUDGET, ctx.seed());
        long start = System.nanoTime();
        try (TrialStore store = TrialStores.open(db.toString())) {
            store.deleteStudy(STUDY); // a previous demo's study; this run starts over
            StudyResult r = Nb201Runner.run(ctx.io(), store, STUDY, s, null);
            double seconds = (System.nanoTime() - start) / 1e9;
            Nb201Runner.printOutcome(ctx.io(), r, s, db.toString(), seconds);
            ReportCommand.write(store.findStudy(STUDY).orElseThrow(), store.trials(STUDY), report);
            double optimum = tableOptimum(s.dataset());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("strategy", "regularized evolution (P=" + s.populationSize() + ", S=" + s.sampleSize() + ")");
            result.put("trials", BUDGET);
            r.best().map(TrialRecord::architecture).ifPresent(a -> result.put("bestArchitecture", a));
            r.best().ifPresent(b -> result.put("bestTestAccuracy", b.value()));
            result.put("tableOptimum", optimum);
            result.put("seconds", seconds);
            result.put("study", STUDY);
            result.put("store", db.getFileName().toString());
            result.put("report", report.getFileName().toString());
            ctx.put("nb201", result);
            ctx.io().out().printf(java.util.Locale.ROOT, "best of %d queries %.2f%% vs. %.2f%% for the best of all 15,625 "
                    + "cells; report: %s%n", BUDGET, r.best().map(TrialRecord::value).orElse(Double.NaN), optimum, report);
        }
        ctx.wrote(db);
        ctx.wrote(report);
    }

    private static double tableOptimum(Nb201Dataset d) {
        Nb201Table table = Nb201Table.get();
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < Nb201Table.SIZE; i++) {
            best = Math.max(best, table.accuracy(i, d));
        }
        return best;
    }
}
