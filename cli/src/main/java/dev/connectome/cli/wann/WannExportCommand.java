package dev.connectome.cli.wann;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.cli.study.StorageOptions;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.WannOutFormat;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.wann.WannCandidate;
import dev.connectome.nas.wann.WannSearch;
import dev.connectome.nas.wann.WannSearchSettings;
import dev.connectome.nas.wann.WannTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code connectome wann export STUDY -o champion.out}: the best genome of a stored WANN search (or a
 * chosen trial) as a WANNRelease {@code .out} file, readable by WANNRelease and by {@code wann eval}.
 */
@Command(name = "export", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Write the champion (or --trial N) of a WANN search study as a WANNRelease .out file."})
public final class WannExportCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "STUDY", description = "Name of a WANN search study.")
    String study;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.out", required = true, description = "Where to write the genome.")
    Path output;

    @Option(names = "--trial", paramLabel = "N", description = "Export this trial instead of the best one.")
    Integer trial;

    @Mixin
    StorageOptions storage;

    @Mixin
    CommonOptions common;

    public WannExportCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        try (TrialStore store = storage.openExisting()) {
            StudyInfo info = store.findStudy(study).orElseThrow(() -> new UserException("no study '" + study + "' in "
                    + storage.describe()));
            WannSearchSettings s;
            try {
                s = WannSearch.settingsOf(info);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage(), e);
            }
            List<TrialRecord> trials = store.trials(study);
            TrialRecord chosen = null;
            for (TrialRecord t : trials) {
                if (trial != null ? t.number() == trial : t.isComplete() && (chosen == null || t.value() > chosen.value())) {
                    chosen = t;
                }
            }
            if (chosen == null) {
                throw new UserException(trial != null ? "study '" + study + "' has no trial " + trial
                        : "study '" + study + "' has no complete trial yet");
            }
            WannCandidate c = WannSearch.space(WannTasks.get(s.task()), s.wann()).parse(chosen.architecture());
            NeuronGraph g = c.graph();
            WannOutFormat.write(g, output);
            io.out().printf(Locale.ROOT, "wrote %s: trial %d (generation %d), mean %.4g, %d connections, %d hidden nodes%n",
                    output, chosen.number(), c.generation(), chosen.value(), g.enabledConnectionCount(), g.hiddenCount());
        }
        return ExitCodes.OK;
    }
}
