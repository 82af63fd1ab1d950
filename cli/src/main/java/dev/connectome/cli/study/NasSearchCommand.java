package dev.connectome.cli.study;

import dev.connectome.cli.CommonOptions;
import dev.connectome.cli.ExitCodes;
import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.cell.EnasSchedule;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201SearchSettings;
import dev.connectome.nas.chain.ChainTraining;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.TrialStore;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code connectome nas search}: a search study over NAS-Bench-201 cells answered from the bundled
 * accuracy table, over NAS layer chains trained briefly, or an ENAS weight-sharing search
 * ({@link EnasPlan}). Running the same command again continues the same study (its default name is made
 * of the settings); a study of that name with different settings is an error pointing to
 * {@code studies resume}.
 */
@Command(name = "search", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Search NAS-Bench-201 cells, scored by the bundled NB201 accuracy table (instant); NAS layer chains",
            "(--space chain, children trained briefly); or ENAS cells with weight sharing (--space enas).",
            "Trials are stored as they finish, so a killed search continues where it stopped when run again",
            "(same settings) or with 'connectome studies resume NAME'."})
public final class NasSearchCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--space", paramLabel = "SPACE", defaultValue = "nb201",
            description = "Search space: nb201 (NAS-Bench-201 cells, table-scored), chain (NAS conv layer chains, "
                    + "each child trained briefly; strategies random or reinforce) or enas (ENAS cells sharing one "
                    + "supernet's weights; strategies enas or random) (default: ${DEFAULT-VALUE}).")
    String space;

    @Option(names = "--strategy", paramLabel = "NAME",
            description = "random, evolution (regularized evolution, Real et al. 2019), reinforce (LSTM controller, "
                    + "Zoph & Le 2017), naswot (score N untrained cells per trial, Mellor et al. 2021) or enas (ENAS "
                    + "controller with weight sharing, Pham et al. 2018; --space enas only) (default: evolution; enas "
                    + "for --space enas).")
    String strategyOption;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "100",
            description = "Trials to run (table queries; 0: none, then --time or --target must be set; enas: fixed by "
                    + "--epochs x --controller-steps + 1) (default: ${DEFAULT-VALUE}).")
    int budget;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Study seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "NB201 column to maximise: cifar10, cifar100 or imagenet (ImageNet16-120) (default: cifar10); "
                    + "enas: the data set, sample (embedded MNIST sample), mnist or fashion-mnist (from --data-dir) "
                    + "(default: sample).")
    String dataset;

    @Option(names = "--population", paramLabel = "P", defaultValue = "10",
            description = "Evolution: population size (default: ${DEFAULT-VALUE}).")
    int population;

    @Option(names = "--sample", paramLabel = "S", defaultValue = "3",
            description = "Evolution: tournament sample size (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--lr", paramLabel = "RATE",
            description = "Reinforce/enas: controller Adam learning rate (default: 0.01; enas 0.003).")
    Double lr;

    @Option(names = "--entropy", paramLabel = "BETA",
            description = "Reinforce/enas: entropy bonus weight (default: 1e-4; enas 1e-3).")
    Double entropy;

    @Option(names = "--reward", paramLabel = "NAME", defaultValue = "accuracy",
            description = "Reinforce: reward shaping, accuracy or accuracy3 (NAS's cubed accuracy) (default: ${DEFAULT-VALUE}).")
    String reward;

    @Option(names = "--hidden", paramLabel = "H", defaultValue = "32",
            description = "Reinforce: controller LSTM units (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--controller-batch", paramLabel = "M", defaultValue = "1",
            description = "Reinforce: children per controller update (default: ${DEFAULT-VALUE}).")
    int controllerBatch;

    @Option(names = "--baseline-decay", paramLabel = "D", defaultValue = "0.9",
            description = "Reinforce: EMA decay of the reward baseline (default: ${DEFAULT-VALUE}).")
    double baselineDecay;

    @Option(names = "--shared-heads",
            description = "Reinforce: one softmax head for all decisions of a type (ENAS) instead of one per position.")
    boolean sharedHeads;

    @Option(names = "--naswot-n", paramLabel = "N", defaultValue = "100",
            description = "Naswot: untrained cells scored per trial (default: ${DEFAULT-VALUE}).")
    int naswotN;

    @Option(names = "--channels", paramLabel = "C", defaultValue = "16",
            description = "Naswot: channels C of the scored NB201 networks (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--cells", paramLabel = "N", defaultValue = "5",
            description = "Naswot: cells per stage of the scored networks (default: ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--images", paramLabel = "B", defaultValue = "128",
            description = "Naswot: images in the scoring batch (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--image-data", paramLabel = "NAME", defaultValue = "auto",
            description = "Naswot: data set of the scoring batch; auto = CIFAR-10, else MNIST-like, else the embedded "
                    + "sample (default: ${DEFAULT-VALUE}).")
    String imageData;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Naswot/chain/enas: data directory (default: $CONNECTOME_DATA, else ./data).")
    String dataDir;

    @Option(names = "--layers", paramLabel = "L", defaultValue = "3",
            description = "Chain: conv layers per child (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--chain-data", paramLabel = "NAME", defaultValue = "mnist-sample",
            description = "Chain: data set the children train on (mnist-sample is embedded; mnist, fashion-mnist read "
                    + "from --data-dir) (default: ${DEFAULT-VALUE}).")
    String chainData;

    @Option(names = "--train-images", paramLabel = "N",
            description = "Chain: training images per child (default: 500); enas: images of the training part used, "
                    + "a sixth of them held out for validation (default: 0 = all).")
    Integer trainImages;

    @Option(names = "--val-images", paramLabel = "N", defaultValue = "500",
            description = "Chain: validation images scoring each child; enas: fixed validation images ranking the final "
                    + "children and scoring the retrained one (default: ${DEFAULT-VALUE}).")
    int valImages;

    @Option(names = "--epochs", paramLabel = "E",
            description = "Chain: training epochs per child (default: 1); enas: search epochs (default: 5).")
    Integer epochs;

    @Option(names = "--train-lr", paramLabel = "RATE",
            description = "Chain: Adam learning rate of the children (default: 0.003); enas: of the shared weights and "
                    + "the retraining (default: 0.001).")
    Double trainLr;

    @Option(names = "--downsample", paramLabel = "F", defaultValue = "2",
            description = "Chain: average-pool the images by F first (2: 28x28 -> 14x14) (default: ${DEFAULT-VALUE}).")
    int downsample;

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
    EnasOptions enas;

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
        checkNb201Space();
        checkLimits();
        try {
            return new Nb201SearchSettings(strategy(), Nb201Dataset.parse(nb201Dataset()), population, sample, budget, seed,
                    workers, batch != null ? batch : workers, time, target);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** Settings of a reinforce or naswot search; any bad value is a user error naming it. */
    PolicySearchSettings policySettings() {
        checkNb201Space();
        checkLimits();
        try {
            return new PolicySearchSettings(strategy(), Nb201Dataset.parse(nb201Dataset()), budget, seed, workers,
                    batch != null ? batch : workers, time, target, controller(), naswotN, channels, cells, images,
                    imageData, dataDir());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** Settings of a layer-chain search; any bad value is a user error naming it. */
    ChainSearchSettings chainSettings() {
        checkLimits();
        try {
            return new ChainSearchSettings(strategy(), layers, chainData, dataDir(),
                    new ChainTraining(trainImages != null ? trainImages : 500, valImages, epochs != null ? epochs : 1, 32,
                            trainLr != null ? trainLr : 0.003, downsample), budget, seed, workers,
                    batch != null ? batch : workers, time, target, controller(), population, sample);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** Settings of an ENAS search; any bad value is a user error naming it. */
    EnasSearchSettings enasSettings() {
        if (time != null || target != null || workers != 1 || (batch != null && batch != 1)) {
            throw new UserException("--space enas runs a fixed schedule on one worker (its trials train shared weights in "
                    + "order): drop --time, --target, --workers and --batch, and set --epochs/--controller-steps");
        }
        try {
            return new EnasSearchSettings(strategy(), dataset != null ? dataset : "sample", dataDir(),
                    trainImages != null ? trainImages : 0, enas.nodes,
                    enas.width, new EnasSchedule(epochs != null ? epochs : 5, enas.sharedSteps, enas.controllerSteps, 64,
                            trainLr != null ? trainLr : 1e-3, enas.rewardImages, enas.finalSamples, enas.retrainEpochs),
                    valImages, seed, EnasSearchSettings.enasController(seed, lr != null ? lr : 0.003,
                            entropy != null ? entropy : 1e-3));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** The strategy, defaulting per space; enas only with --space enas. */
    private String strategy() {
        boolean enasSpace = space.equalsIgnoreCase("enas");
        String s = strategyOption != null ? strategyOption.toLowerCase(java.util.Locale.ROOT) : enasSpace ? "enas" : "evolution";
        if (s.equals("enas") && !enasSpace) {
            throw new UserException("--strategy enas needs --space enas (weight sharing over ENAS cells); --space " + space
                    + " supports " + (space.equalsIgnoreCase("chain") ? "random, evolution, reinforce"
                    : "random, evolution, reinforce, naswot"));
        }
        if (enasSpace && !s.equals("enas") && !s.equals("random")) {
            throw new UserException("--strategy " + s + " is not available for --space enas (available: enas, random)");
        }
        return s;
    }

    private String nb201Dataset() {
        return dataset != null ? dataset : "cifar10";
    }

    private void checkNb201Space() {
        if (!space.equalsIgnoreCase("nb201")) {
            throw new UserException("--space: unknown search space '" + space + "' (available: nb201, chain, enas)");
        }
    }

    private void checkLimits() {
        if (budget < 0) {
            throw new UserException("--budget must be >= 0, got " + budget);
        }
        if (time != null && !(time > 0)) {
            throw new UserException("--time must be a positive number of seconds, got " + time);
        }
    }

    private String dataDir() {
        return dataDir != null ? dataDir : System.getenv().getOrDefault("CONNECTOME_DATA", "data");
    }

    /** The reinforce controller settings (IllegalArgumentException on a bad value, as the settings records). */
    private ControllerSettings controller() {
        return ControllerSettings.defaults(seed).withLearningRate(lr != null ? lr : 0.01)
                .withEntropy(entropy != null ? entropy : 1e-4)
                .withReward(reward, 100.0).withHidden(hidden).withBatch(controllerBatch)
                .withBaselineDecay(baselineDecay).withSharedHeads(sharedHeads);
    }

    @Override
    public Integer call() {
        if (space.equalsIgnoreCase("enas")) {
            EnasSearchSettings s = enasSettings();
            String name = study != null ? Nb201Runner.checkName(study) : EnasPlan.defaultName(s);
            runStudy(name, new EnasPlan(s), info -> SearchPlan.of(info) instanceof EnasPlan p && p.s().equals(s),
                    info -> "");
            try (TrialStore store = storage.openExisting()) {
                EnasPlan.printFinal(io, store.trials(name), s);
            }
        } else if (space.equalsIgnoreCase("chain")) {
            ChainSearchSettings s = chainSettings();
            String name = study != null ? Nb201Runner.checkName(study) : ChainPlan.defaultName(s);
            runStudy(name, new ChainPlan(s),
                    info -> SearchPlan.of(info) instanceof ChainPlan c && c.s().withWorkers(1).equals(s.withWorkers(1)),
                    info -> "");
        } else if (PolicySearchSettings.handles(strategy())) {
            PolicySearchSettings s = policySettings();
            String name = study != null ? Nb201Runner.checkName(study) : PolicySearchRunner.defaultName(s);
            runStudy(name, new SearchPlan.PolicyPlan(s),
                    info -> PolicySearchRunner.handles(info)
                            && PolicySearchRunner.settingsOf(info).withWorkers(1).equals(s.withWorkers(1)),
                    info -> "");
            if (s.strategy().equals("reinforce")) {
                io.out().println("controller analysis: connectome nas analyse " + name + storageFlag());
            }
        } else {
            Nb201SearchSettings s = settings();
            String name = study != null ? Nb201Runner.checkName(study) : Nb201Runner.defaultName(s);
            runStudy(name, new SearchPlan.Nb201Plan(s),
                    info -> Nb201Runner.sameSearch(Nb201Runner.settingsOf(info), s),
                    info -> " (" + Nb201Runner.settingsLine(name, Nb201Runner.settingsOf(info), storage.describe())
                            .substring("settings: ".length()) + ")");
        }
        return ExitCodes.OK;
    }

    /**
     * Runs (or continues) study {@code name}; a stored study of that name must make the same search
     * ({@code sameSearch}), else a user error quoting {@code storedSettings}.
     */
    private void runStudy(String name, SearchPlan plan, Predicate<StudyInfo> sameSearch,
            Function<StudyInfo, String> storedSettings) {
        io.out().println(PlanRunner.settingsLine(name, plan, storage.describe()));
        io.out().flush();
        try (TrialStore store = storage.openOrCreate()) {
            Optional<StudyInfo> existing = store.findStudy(name);
            if (existing.isPresent()) {
                if (!sameSearch.test(existing.get())) {
                    throw new UserException("study '" + name + "' already exists in " + storage.describe()
                            + " with other settings" + storedSettings.apply(existing.get())
                            + "; continue it with 'connectome studies resume " + name
                            + "' or choose another --study name");
                }
                long finished = store.trials(name).stream().filter(t -> t.state().isFinished()).count();
                io.out().printf("study '%s' exists with these settings: continuing it (%d trials finished)%n", name,
                        finished);
            }
            long start = System.nanoTime();
            StudyResult r = PlanRunner.run(io, store, name, plan, tuning);
            PlanRunner.printOutcome(io, r, plan, storage.describe(), (System.nanoTime() - start) / 1e9);
            io.out().println("report: connectome report " + name + storageFlag());
        }
    }

    private String storageFlag() {
        return storage.storage == null || storage.storage.isBlank() ? "" : " --storage " + storage.describe();
    }
}
