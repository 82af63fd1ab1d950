package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.report.study.StudyReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code connectome report STUDY}: the study as one self-contained HTML file (inline SVG, no network). */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write a study's report: one self-contained HTML file (inline SVG charts, nothing fetched).",
            "Best-so-far curve, top trials, the best cell, settings and provenance."})
public final class ReportCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(paramLabel = "STUDY", description = "The study.")
    String study;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.html", description = "Where to write the report (default: STUDY.html).")
    Path output;

    @Mixin
    StorageOptions storage;

    @Mixin
    CommonOptions common;

    public ReportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException {
        Path file = output != null ? output : Path.of(study.replaceAll("[^A-Za-z0-9._-]", "_") + ".html");
        if (Files.isDirectory(file)) {
            throw new UserException("report output " + file + " is a directory; name a file, e.g. -o "
                    + file.resolve(study + ".html"));
        }
        try (TrialStore store = storage.openExisting()) {
            StudyInfo info = storage.find(store, study);
            List<TrialRecord> trials = store.trials(study);
            write(info, trials, file);
            io.out().printf("wrote %s (%d trials of study '%s')%n", file, trials.size(), study);
        }
        return ExitCodes.OK;
    }

    /** Renders and writes the report atomically (readers never see half a file). */
    public static void write(StudyInfo info, List<TrialRecord> trials, Path file) throws IOException {
        StudyReport.builder(info, trials)
                .optGenerator("connectome " + dev.connectome.cli.TrainingRun.versionString())
                .optGeneratedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .build().writeTo(file);
    }
}
