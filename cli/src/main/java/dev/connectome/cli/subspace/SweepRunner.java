package dev.connectome.cli.subspace;

import dev.connectome.cli.DataOptions;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.analysis.IntrinsicDimension;
import dev.connectome.nas.analysis.IntrinsicDimensionCsv;
import dev.connectome.nas.analysis.IntrinsicDimensionSettings;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepResult;
import dev.connectome.nas.analysis.IntrinsicDimensionSweep.SweepRun;
import dev.connectome.nas.subspace.Projections;
import dev.connectome.nas.task.TrainingListener;
import dev.connectome.report.subspace.SubspaceReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Runs a sweep for the two commands, prints progress lines and writes the CSV and the HTML report. */
final class SweepRunner {
    private SweepRunner() {
    }

    static SweepResult run(Io io, SubspaceOptions opts, DataOptions.Loaded data, List<Integer> dims, List<Long> seeds,
                           boolean baseline) {
        SubspaceOptions.ModelSpec spec = opts.modelSpec();
        opts.checkProjection();
        int inputs = data.train().sampleSize();
        int classes = data.train().numClasses();
        IntrinsicDimensionSettings settings;
        try {
            settings = new IntrinsicDimensionSettings(dims, seeds, opts.projection, opts.subspaceMode(),
                    opts.training(seeds.get(0)), 0.9, baseline);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        io.out().printf(Locale.ROOT, "model %s, data %s (%d train, %d test), projection %s (%s)%n",
                spec.describe(inputs, classes), data.origin(), data.train().size(), data.test().size(), opts.projection,
                settings.mode().name().toLowerCase(Locale.ROOT));
        return new IntrinsicDimensionSweep(settings, Projections.standard()).run(
                rng -> spec.build(inputs, classes, rng), data.train(), data.test(), new IntrinsicDimensionSweep.Listener() {
                    @Override
                    public void onRunStart(int d, long seed, int index, int total) {
                        io.out().printf(Locale.ROOT, "[%d/%d] %s, seed %d%n", index, total, d == 0 ? "full network" : "d = " + d, seed);
                    }

                    @Override
                    public TrainingListener training() {
                        return new TrainingListener() {
                            @Override
                            public void onEpoch(EpochSummary s) {
                                io.out().printf(Locale.ROOT, "  epoch %d/%d  train loss %.4f  test loss %.4f  test accuracy %.2f%%  %.1fs%n",
                                        s.epoch(), s.epochs(), s.trainLoss(), s.validationLoss(), 100 * s.validationAccuracy(), s.seconds());
                                io.out().flush();
                            }
                        };
                    }

                    @Override
                    public void onRunEnd(SweepRun r) {
                        if (r.failure() != null) {
                            io.out().println("  stopped: " + r.failure());
                        }
                    }
                });
    }

    static void printEstimate(Io io, SweepResult r) {
        if (!Double.isNaN(r.baselineAccuracy())) {
            io.out().printf(Locale.ROOT, "baseline test accuracy %.2f%%%n", 100 * r.baselineAccuracy());
        }
        print(io, "d_int90 (90% of baseline)", r.relative());
        print(io, "d_int90 (90% accuracy, Li et al.'s global baseline)", r.absolute());
    }

    private static void print(Io io, String what, IntrinsicDimension.Summary s) {
        if (s == null) {
            return;
        }
        IntrinsicDimension.Crossing c = s.ofMeanCurve();
        io.out().printf(Locale.ROOT, "%s: threshold %.2f%%, %s%n", what, 100 * s.threshold(),
                c.reached() ? String.format(Locale.ROOT, "%.0f (first grid point %d)", c.dimension(), c.gridPoint())
                        : "not reached at the largest d");
    }

    static void write(Io io, SweepResult r, Path csv, Path html, String title) {
        IntrinsicDimensionCsv.write(r, csv);
        io.out().println("wrote " + csv);
        if (html != null) {
            try {
                SubspaceReport.of(r, title, "connectome subspace").writeTo(html);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + html + ": " + e.getMessage(), e);
            }
            io.out().println("wrote " + html);
        }
    }

    static void checkWritable(Path file) {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (Files.exists(file) && Files.isDirectory(file)) {
            throw new UserException(file + " is a directory");
        }
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserException("cannot write " + file + ": " + dir + " is not a directory");
        }
    }
}
