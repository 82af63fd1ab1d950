package dev.connectome.cli.study;

import dev.connectome.cli.UserException;
import dev.connectome.engine.Parallelism;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.cell.Nb201TableEvaluator;
import dev.connectome.nas.data.DataException;
import dev.connectome.nas.data.ImageBatches;
import dev.connectome.nas.score.ZeroCostScores;
import dev.connectome.nas.search.NaswotSelection;
import dev.connectome.nas.search.Strategy;
import dev.connectome.nas.search.reinforce.ReinforceStrategy;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.Settings;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.StudyBuilder;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialStore;
import java.nio.file.Path;

/**
 * Runs NB201 table studies whose strategy is REINFORCE or NASWOT ({@link PolicySearchSettings}), for
 * {@code nas search} and {@code studies resume}.
 */
public final class PolicySearchRunner {
    private PolicySearchRunner() {
    }

    /** Whether a stored study was made by these settings (strategy reinforce or naswot). */
    public static boolean handles(StudyInfo info) {
        Object s = Settings.fromJson(info.settingsJson()).get("strategy");
        return s instanceof String str && PolicySearchSettings.handles(str);
    }

    /** The stored settings, or a user error. */
    public static PolicySearchSettings settingsOf(StudyInfo info) {
        try {
            return PolicySearchSettings.fromMap(Settings.fromJson(info.settingsJson()));
        } catch (IllegalArgumentException e) {
            throw new UserException("study '" + info.name() + "' cannot be run by this version: " + e.getMessage(), e);
        }
    }

    /** The default study name: every setting that changes the result. */
    public static String defaultName(PolicySearchSettings s) {
        StringBuilder b = new StringBuilder("nb201-").append(s.strategy());
        if (s.strategy().equals("reinforce")) {
            var c = s.controller();
            b.append("-lr").append(Nb201Runner.number(c.learningRate())).append("-").append(c.reward());
            if (c.entropyWeight() != 1e-4) {
                b.append("-ent").append(Nb201Runner.number(c.entropyWeight()));
            }
            if (c.hiddenSize() != 32) {
                b.append("-h").append(c.hiddenSize());
            }
            if (c.batchSize() != 1) {
                b.append("-m").append(c.batchSize());
            }
            if (c.baselineDecay() != 0.9) {
                b.append("-bl").append(Nb201Runner.number(c.baselineDecay()));
            }
            if (!c.perPositionHeads()) {
                b.append("-shared");
            }
        } else {
            b.append("-N").append(s.naswotN()).append("-C").append(s.channels()).append("n").append(s.cells())
                    .append("-b").append(s.images()).append('-').append(s.imageData());
        }
        b.append('-').append(s.dataset().id());
        return b.append(Nb201Runner.budgetSuffix(s.trials(), s.batchSize(), s.maxSeconds(), s.target(), s.seed()))
                .toString();
    }

    /** The strategy the settings describe; NASWOT loads its image batch here (a user error if missing). */
    public static Strategy<Nb201Cell> strategy(PolicySearchSettings s) {
        if (s.strategy().equals("reinforce")) {
            return new ReinforceStrategy<>(new Nb201Space(), s.controller());
        }
        ImageBatches.Batch batch;
        try {
            batch = ImageBatches.load(Path.of(s.dataDir()), s.imageData(), s.images(), s.seed());
        } catch (DataException e) {
            throw new UserException(e.getMessage(), e);
        }
        return NaswotSelection.nb201(s.naswotN(), ZeroCostScores.byId("naswot"), batch, s.channels(), s.cells(), s.seed(),
                Parallelism.single());
    }

    /** A study builder for the settings (caller closes the executor). */
    public static StudyBuilder<Nb201Cell> builder(String name, PolicySearchSettings s, TrialStore store,
            ThreadExecutor executor) {
        StudyBuilder<Nb201Cell> b = Study.builder(new Nb201Space(), strategy(s), new Nb201TableEvaluator(s.dataset()), store)
                .name(name).seed(s.seed()).direction(Direction.MAXIMIZE).executor(executor).batchSize(s.batchSize())
                .settings(s.toMap());
        return PlanRunner.limits(b, s.trials(), s.maxSeconds(), s.target());
    }
}
