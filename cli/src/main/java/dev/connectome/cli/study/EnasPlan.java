package dev.connectome.cli.study;

import dev.connectome.cli.Io;
import dev.connectome.cli.UserException;
import dev.connectome.nas.cell.EnasData;
import dev.connectome.nas.cell.EnasSearch;
import dev.connectome.nas.data.DataException;
import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.StudyBuilder;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An ENAS weight-sharing search ({@link EnasSearch}) as a study: trials 0..T−1 are the children the
 * policy sampled, scored with the shared weights; trial T is the best final child retrained from scratch.
 */
record EnasPlan(EnasSearchSettings s) implements SearchPlan {

    /** The default study name: every setting that changes the result. */
    static String defaultName(EnasSearchSettings s) {
        var t = s.schedule();
        StringBuilder b = new StringBuilder("enas-").append(s.strategy()).append('-').append(s.data())
                .append(s.trainImages() > 0 ? "-t" + s.trainImages() : "")
                .append("-N").append(s.nodes()).append("w").append(s.width())
                .append("-e").append(t.epochs()).append("x").append(t.sharedSteps()).append("+").append(t.controllerSteps())
                .append("-r").append(t.rewardImages()).append("-f").append(t.finalSamples()).append("v")
                .append(s.rankingImages()).append("-re").append(t.retrainEpochs());
        if (t.learningRate() != 1e-3) {
            b.append("-tlr").append(t.learningRate());
        }
        if (s.strategy().equals("enas")) {
            b.append("-lr").append(s.controller().learningRate()).append("-ent").append(s.controller().entropyWeight());
        }
        return b.append("-seed").append(s.seed()).toString();
    }

    @Override
    public Map<String, Object> toMap() {
        return s.toMap();
    }

    @Override
    public int trials() {
        return s.schedule().trials();
    }

    @Override
    public int workers() {
        return 1;
    }

    /** Always one worker: the trials train the shared weights in order. */
    @Override
    public SearchPlan withWorkers(int w) {
        return this;
    }

    /** No: only the process that trains the shared weights can score its children. */
    @Override
    public boolean acceptsRemoteWorkers() {
        return false;
    }

    @Override
    public String objective() {
        // The search trials' values are noisy shared-weight scores on small batches, so say which "best" this is.
        return String.format(Locale.ROOT, "%s validation accuracy (search trials: shared weights on %d-image batches; "
                + "last trial: retrained)", s.data(), s.schedule().rewardImages());
    }

    /** The search over the loaded data (a user error naming missing files). */
    EnasSearch search() {
        Dataset train, test;
        try {
            train = DataSets.load(Path.of(s.dataDir()), s.data(), true);
            if (s.trainImages() > 0) {
                train = train.slice(0, Math.min(train.size(), s.trainImages()));
            }
            test = DataSets.load(Path.of(s.dataDir()), s.data(), false);
        } catch (DataException e) {
            throw new UserException(e.getMessage(), e);
        }
        try {
            return new EnasSearch(EnasData.split(train, test, s.rankingImages(), s.seed()), s.schedule(), s.nodes(),
                    s.width(), s.strategy().equals("enas") ? s.controller() : null, s.seed());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    @Override
    public StudyBuilder<?> builder(String name, TrialStore store, ThreadExecutor executor) {
        EnasSearch search = search();
        return Study.builder(search.space(), search.strategy(), search.evaluator(), store).name(name).seed(s.seed())
                .direction(Direction.MAXIMIZE).executor(executor).batchSize(1).trials(trials()).settings(s.toMap());
    }

    /** Prints the retrained final child of a finished ENAS study (nothing if the study has not got there). */
    static void printFinal(Io io, List<TrialRecord> trials, EnasSearchSettings s) {
        int last = s.schedule().finalTrial();
        trials.stream().filter(t -> t.number() == last && t.isComplete()).findFirst().ifPresent(t -> {
            Map<String, Double> m = t.metrics();
            io.out().printf(Locale.ROOT, "retrained best child %s: %s validation %.2f%%, test %.2f%% (shared-weight "
                    + "score %.2f%%; %d final %s children: mean %.2f ± %.2f%%, %d distinct)%n", t.architecture(), s.data(),
                    t.value(), m.getOrDefault(EnasSearch.TEST, Double.NaN), m.getOrDefault(EnasSearch.SHARED, Double.NaN),
                    m.getOrDefault(EnasSearch.SAMPLES, Double.NaN).intValue(), s.strategy().equals("enas") ? "policy" : "random",
                    m.getOrDefault(EnasSearch.SHARED_MEAN, Double.NaN), m.getOrDefault(EnasSearch.SHARED_SD, Double.NaN),
                    m.getOrDefault(EnasSearch.DISTINCT, Double.NaN).intValue());
        });
    }
}
