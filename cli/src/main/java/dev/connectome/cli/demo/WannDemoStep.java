package dev.connectome.cli.demo;

import dev.connectome.cli.AtomicFiles;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.study.sql.TrialStores;
import dev.connectome.nas.task.control.CartPoleSwingUp;
import dev.connectome.nas.wann.ControlWannTask;
import dev.connectome.nas.wann.WannSearch;
import dev.connectome.nas.wann.WannSearchSettings;
import dev.connectome.nas.wann.WannSettings;
import dev.connectome.nas.wann.WannTasks;
import dev.connectome.report.study.StudyReport;
import dev.connectome.report.wann.NetworkDrawing;
import dev.connectome.report.wann.WannReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A short WANN search on cart-pole swing-up (population 32, 12 generations, one episode per shared
 * weight: a few seconds), stored in the demo's SQLite store, with the champion as a WANNRelease
 * {@code .out} file, its drawing, and an HTML report. Started afresh on every demo run.
 */
final class WannDemoStep implements DemoStep {
    static final String STUDY = "demo-wann-swingup";
    private static final int POPULATION = 32;
    private static final int GENERATIONS = 12;

    @Override
    public String title() {
        return "WANN search: cart-pole swing-up, " + POPULATION + " genomes x " + GENERATIONS + " generations";
    }

    @Override
    public void run(DemoContext ctx) throws Exception {
        Files.createDirectories(ctx.outDir());
        Path db = ctx.outDir().resolve("studies.db");
        Path champion = ctx.outDir().resolve("wann-swingup-champion.out");
        Path drawing = ctx.outDir().resolve("wann-swingup-champion.svg");
        Path report = ctx.outDir().resolve("wann-report.html");
        WannSettings w = WannSettings.laptop().withPopulation(POPULATION).withGenerations(GENERATIONS).withRepeats(1);
        WannSearchSettings s = new WannSearchSettings("swingup", "laptop", w, ctx.seed(), Math.max(1, ctx.threads()), null, null);
        long start = System.nanoTime();
        try (TrialStore store = TrialStores.open(db.toString()); ThreadExecutor ex = ThreadExecutor.of(s.workers())) {
            store.deleteStudy(STUDY); // a previous demo's study; this run starts over
            ControlWannTask task = new ControlWannTask(CartPoleSwingUp.standard());
            StudyResult r = WannSearch.builder(STUDY, s, task, null, store, ex).build().run();
            double seconds = (System.nanoTime() - start) / 1e9;
            TrialRecord best = r.best().orElseThrow();
            NeuronGraph g = WannSearch.space(WannTasks.get("swingup"), w).parse(best.architecture()).graph();
            WannOutFormat.write(g, champion);
            AtomicFiles.writeString(drawing, NetworkDrawing.swingUp(g).svgDocument("WANN swing-up champion"));
            StudyInfo info = store.findStudy(STUDY).orElseThrow();
            List<TrialRecord> trials = store.trials(STUDY);
            StudyReport.builder(info, trials).addSections(WannReport.sections(info, trials)).build().writeTo(report);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("task", "swingup");
            result.put("population", POPULATION);
            result.put("generations", GENERATIONS);
            result.put("championMeanReward", best.value());
            result.put("championBestWeightReward", best.metrics().getOrDefault("max", Double.NaN));
            result.put("championConnections", g.enabledConnectionCount());
            result.put("seconds", seconds);
            result.put("study", STUDY);
            result.put("champion", champion.getFileName().toString());
            result.put("report", report.getFileName().toString());
            ctx.put("wann", result);
            ctx.io().out().printf(Locale.ROOT, "champion: mean reward %.1f over the six shared weights, %.1f at its best "
                    + "weight, %d connections (%.1f s); report: %s%n", best.value(),
                    best.metrics().getOrDefault("max", Double.NaN), g.enabledConnectionCount(), seconds, report);
        }
        ctx.wrote(db);
        ctx.wrote(champion);
        ctx.wrote(drawing);
        ctx.wrote(report);
    }

}
