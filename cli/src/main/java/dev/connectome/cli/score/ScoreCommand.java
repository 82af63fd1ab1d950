package dev.connectome.cli.score;

import dev.connectome.cli.AtomicFiles;
import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.engine.Parallelism;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Table;
import dev.connectome.nas.data.DataException;
import dev.connectome.nas.data.EmbeddedSample;
import dev.connectome.nas.data.ImageBatches;
import dev.connectome.nas.score.NaswotScore;
import dev.connectome.nas.score.Nb201CellScorer;
import dev.connectome.nas.score.ZeroCostScore;
import dev.connectome.nas.score.ZeroCostScores;
import dev.connectome.report.Report;
import dev.connectome.report.score.KernelHeatmapSection;
import dev.connectome.report.score.NaswotSearchSection;
import dev.connectome.report.score.ScoreCorrelation;
import dev.connectome.report.score.ScoreCorrelationSection;
import dev.connectome.report.score.ScoreScatterSection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connectome score}: zero-cost scores of randomly drawn NB201 cells against the bundled
 * accuracy table; writes scores.csv, correlations.csv and report.html, and prints the correlation table.
 */
@Command(name = "score", usageHelpAutoWidth = true,
        description = {"Score randomly drawn NAS-Bench-201 cells without training and correlate the scores with "
                + "the cells' trained accuracy from the bundled NB201 table.",
            "Writes OUT/scores.csv (per cell), OUT/correlations.csv and OUT/report.html (scatter plots, "
                + "NASWOT kernels of the best and worst cell, NASWOT search replayed on the scored cells)."})
public final class ScoreCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--space", defaultValue = "nb201", description = "Search space (only nb201).")
    String space;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "100",
            description = "Cells drawn uniformly without replacement (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--scores", paramLabel = "LIST", defaultValue = "naswot",
            description = "Comma-separated scores or 'all' (default: ${DEFAULT-VALUE}).")
    String scores;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory for the input batch (default: the embedded MNIST sample).")
    Path data;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "auto",
            description = "Batch source in --data: cifar-10, mnist, fashion-mnist, or auto = the first found "
                    + "(CIFAR-10 first; others adapted to 3x32x32) (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--batch", defaultValue = "128", description = "Images per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--accuracy", defaultValue = "cifar10",
            description = "Table accuracy to correlate with: cifar10, cifar100, imagenet (default: ${DEFAULT-VALUE}).")
    String accuracy;

    @Option(names = "--channels", defaultValue = "16", description = "Network C (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--cells-per-stage", defaultValue = "5", description = "Network N (default: ${DEFAULT-VALUE}).")
    int cellsPerStage;

    @Option(names = "--threads", defaultValue = "0", description = "Cells scored in parallel (0: all cores).")
    int threads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the draw, the batch and the weights.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "score-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    CommonOptions common;

    public ScoreCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (!space.equals("nb201")) {
            throw new UserException("--space " + space + " is not supported; only nb201");
        }
        if (sample < 1 || sample > Nb201Table.SIZE) {
            throw new UserException("--sample must be in 1.." + Nb201Table.SIZE + ", got " + sample);
        }
        if (batch < 2) {
            throw new UserException("--batch must be >= 2, got " + batch);
        }
        List<ZeroCostScore> chosen;
        Nb201Dataset target;
        try {
            chosen = ZeroCostScores.parseList(scores);
            target = Nb201Dataset.parse(accuracy);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        ImageBatches.Batch images = loadBatch();
        io.out().println("batch: " + images.source());
        List<Nb201Cell> cells = drawCells();
        int workers = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        double[][] values = new double[chosen.size()][cells.size()];
        long t0 = System.nanoTime();
        for (int s = 0; s < chosen.size(); s++) {
            scoreAll(chosen.get(s), images, cells, values[s], workers);
            io.err().printf(Locale.ROOT, "%s: %d cells scored (%.1f s)%n", chosen.get(s).id(), cells.size(),
                    (System.nanoTime() - t0) / 1e9);
            io.err().flush();
        }
        List<String> ids = chosen.stream().map(ZeroCostScore::id).toList();
        ScoreRun run = new ScoreRun(cells, ids, values, target);
        List<ScoreCorrelation> corr = run.correlations(seed);
        printTable(corr);
        write(run, corr, images, chosen, target);
        return ExitCodes.OK;
    }

    private ImageBatches.Batch loadBatch() {
        try {
            if (data == null) {
                if (!dataset.equals("auto") && !dataset.equals("mnist-sample")) {
                    throw new UserException("--dataset " + dataset + " needs --data DIR (only an MNIST sample is embedded)");
                }
                return ImageBatches.from(EmbeddedSample.mnist().train(), batch, new SplittableRandom(seed));
            }
            if (!Files.isDirectory(data)) {
                throw new UserException("data directory not found: " + data);
            }
            return ImageBatches.load(data, dataset, batch, seed);
        } catch (DataException | IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    private List<Nb201Cell> drawCells() {
        int[] p = dev.connectome.nas.data.Dataset.permutation(Nb201Table.SIZE, new SplittableRandom(seed));
        List<Nb201Cell> cells = new ArrayList<>(sample);
        for (int i = 0; i < sample; i++) {
            cells.add(Nb201Table.get().cell(p[i]));
        }
        return cells;
    }

    private void scoreAll(ZeroCostScore score, ImageBatches.Batch images, List<Nb201Cell> cells, double[] into,
            int workers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Nb201CellScorer scorer = new Nb201CellScorer(score, images, channels, cellsPerStage, seed,
                        Parallelism.single());
                futures.add(pool.submit(() -> {
                    for (int k; (k = next.getAndIncrement()) < cells.size(); ) {
                        into[k] = scorer.score(cells.get(k));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void printTable(List<ScoreCorrelation> corr) {
        io.out().printf(Locale.ROOT, "%-10s %6s %8s %17s %8s %8s%n", "score", "cells", "tau", "tau 95% CI", "rho", "r");
        for (ScoreCorrelation r : corr) {
            io.out().printf(Locale.ROOT, "%-10s %6d %8.3f %8.3f – %6.3f %8.3f %8.3f%n", r.score(), r.values().length,
                    r.tau().estimate(), r.tau().low(), r.tau().high(), r.spearman(), r.pearson());
        }
        io.out().flush();
    }

    private void write(ScoreRun run, List<ScoreCorrelation> corr, ImageBatches.Batch images,
            List<ZeroCostScore> chosen, Nb201Dataset target) throws IOException {
        String accName = "NB201 " + target.id() + " test accuracy (%)";
        Report.Builder report = Report.builder("Zero-cost scores on NAS-Bench-201")
                .optSubtitle(run.cells().size() + " random cells, C=" + channels + ", N=" + cellsPerStage + "; "
                        + images.source());
        report.addSection(new ScoreCorrelationSection(corr, accName, "Input batch: " + images.source()
                + (images.source().contains("cifar") ? "" : ". CIFAR-10 was not used, so correlations may differ "
                        + "from the paper's.")));
        for (ScoreCorrelation r : corr) {
            report.addSection(new ScoreScatterSection(r, accName));
        }
        int naswot = -1;
        for (int s = 0; s < chosen.size(); s++) {
            if (chosen.get(s).id().equals("naswot")) {
                naswot = s;
            }
        }
        int[] bw = naswot < 0 ? null : run.bestAndWorst(naswot);
        if (bw != null) {
            NaswotScore ns = new NaswotScore();
            Nb201CellScorer scorer = new Nb201CellScorer(ns, images, channels, cellsPerStage, seed, Parallelism.single());
            List<KernelHeatmapSection.Panel> panels = new ArrayList<>();
            String[] label = {"highest NASWOT score", "lowest NASWOT score"};
            for (int i = 0; i < 2; i++) {
                Nb201Cell cell = run.cells().get(bw[i]);
                panels.add(new KernelHeatmapSection.Panel(String.format(Locale.ROOT, "%s, %.1f%%: %s", label[i],
                        run.accuracy(bw[i]), cell.format()), ns.kernel(scorer.input(cell)).matrix()));
            }
            report.addSection(new KernelHeatmapSection(panels));
            List<NaswotSearchSection.Row> rows = new ArrayList<>();
            rows.add(run.search(naswot, 10, 500, seed, target == Nb201Dataset.CIFAR10 ? "92.44±1.13" : ""));
            rows.add(run.search(naswot, 100, 500, seed, target == Nb201Dataset.CIFAR10 ? "92.81±0.99" : ""));
            report.addSection(new NaswotSearchSection(rows, "Each run draws N of the " + run.cells().size()
                    + " scored cells uniformly with replacement and keeps the best by NASWOT score (the paper draws"
                    + " from all 15,625 cells); the paper's column is its Table 2(a) CIFAR-10 test accuracy."));
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve("scores.csv"), run.scoresCsv());
        AtomicFiles.writeString(out.resolve("correlations.csv"), ScoreRun.correlationCsv(corr));
        try {
            AtomicFiles.writeString(out.resolve("report.html"), report.build().render());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        io.out().println("wrote " + out.resolve("scores.csv") + ", " + out.resolve("correlations.csv") + ", "
                + out.resolve("report.html"));
    }
}
