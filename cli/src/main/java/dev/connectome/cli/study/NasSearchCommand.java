package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201SearchSettings;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connectome nas search}: a search study over NAS-Bench-201 cells answered from the bundled
 * accuracy table. Running the same command again continues the same study (its default name is made
 * of the settings); a study of that name with different settings is an error pointing to
 * {@code studies resume}.
 */
@Command(name = "search", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Search NAS-Bench-201 cells, scored by the bundled NB201 accuracy table (instant).",
            "Trials are stored as they finish, so a killed search continues where it stopped when run again",
            "(same settings) or with 'connectome studies resume NAME'."})
public final class NasSearchCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--space", paramLabel = "SPACE", defaultValue = "nb201",
            description = "Search space; nb201 (NAS-Bench-201 cells) (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "evolution",
            description = "random or evolution (regularized evolution, Real et al. 2019) (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "100",
            description = "Trials to run (table queries; 0: none, then --time or --target must be set) (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Study seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "cifar10",
            description = "NB201 column to maximise: cifar10, cifar100 or imagenet (ImageNet16-120) (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--population", paramLabel = "P", defaultValue = "10",
            description = "Evolution: population size (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--sample", paramLabel = "S", defaultValue = "3",
            description = "Evolution: tournament sample size (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--workers", paramLabel = "K", defaultValue = "1",
            description = "Trials evaluated at once in this process (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--batch", paramLabel = "N",
            description = "Trials asked before their results are told (default: --workers). Part of the study: "
                    + "it shapes the search path, so keep it when resuming.")
    Integer batch;

    @Option(names = "--time", paramLabel = "SECONDS", description = "Stop asking for trials after this long.")
    Double time;

    @Option(names = "--target", paramLabel = "ACC", description = "Stop once the best accuracy (percent) reaches this.")
    Double target;

    @Option(names = "--study", paramLabel = "NAME",
            description = "Study name (default: made of the settings, e.g. nb201-evolution-p10s3-cifar10-n100-seed1).")
    String study;

    @Mixin
    StorageOptions storage;

    @Mixin
    StudyTuning tuning;

    @Mixin
    CommonOptions common;

    public NasSearchCommand(Io io) {
        this.io = io;
    }

    /** The validated settings; any bad value is a user error naming it. */
    Nb201SearchSettings settings() {
        if (!space.equalsIgnoreCase("nb201")) {
            throw new UserException("--space: unknown search space '" + space + "' (available: nb201)");
        }
        if (budget < 0) {
            throw new UserException("--budget must be >= 0, got " + budget);
        }
        if (time != null && !(time > 0)) {
            throw new UserException("--time must be a positive number of seconds, got " + time);
        }
        try {
            return new Nb201SearchSettings(strategy, Nb201Dataset.parse(dataset), population, sample, budget, seed,
                    workers, batch != null ? batch : workers, time, target);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        Nb201SearchSettings s = settings();
        String name = study != null ? Nb201Runner.checkName(study) : Nb201Runner.defaultName(s);
        io.out().println(Nb201Runner.settingsLine(name, s, storage.describe()));
        io.out().flush();
        try (TrialStore store = storage.openOrCreate()) {
            Optional<StudyInfo> existing = store.findStudy(name);
            if (existing.isPresent()) {
                Nb201SearchSettings stored = Nb201Runner.settingsOf(existing.get());
                if (!Nb201Runner.sameSearch(stored, s)) {
                    throw new UserException("study '" + name + "' already exists in " + storage.describe()
                            + " with other settings (" + Nb201Runner.settingsLine(name, stored, storage.describe())
                            .substring("settings: ".length()) + "); continue it with 'connectome studies resume "
                            + name + "' or choose another --study name");
                }
                List<TrialRecord> trials = store.trials(name);
                long finished = trials.stream().filter(t -> t.state().isFinished()).count();
                io.out().printf("study '%s' exists with these settings: continuing it (%d trials finished)%n", name,
                        finished);
            }
            long start = System.nanoTime();
            StudyResult r = Nb201Runner.run(io, store, name, s, tuning);
            Nb201Runner.printOutcome(io, r, s, storage.describe(), (System.nanoTime() - start) / 1e9);
            io.out().println("report: connectome report " + name + storageFlag());
        }
        return ExitCodes.OK;
    }

    private String storageFlag() {
        return storage.storage == null || storage.storage.isBlank() ? "" : " --storage " + storage.describe();
    }
}
