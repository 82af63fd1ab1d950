package dev.connectome.cli.study;

import dev.connectome.cli.UserException;
import dev.connectome.nas.cell.LayerChain;
import dev.connectome.nas.cell.LayerChainSpace;
import dev.connectome.nas.chain.ChainEvaluator;
import dev.connectome.nas.data.DataException;
import dev.connectome.nas.data.DataSets;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.search.RandomSearch;
import dev.connectome.nas.search.RegularizedEvolution;
import dev.connectome.nas.search.Strategy;
import dev.connectome.nas.search.reinforce.ReinforceStrategy;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.StudyBuilder;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** A layer-chain search: children trained briefly on an image data set (see {@link ChainSearchSettings}). */
record ChainPlan(ChainSearchSettings s) implements SearchPlan {

    /** The default study name: every setting that changes the result. */
    static String defaultName(ChainSearchSettings s) {
        var t = s.training();
        StringBuilder b = new StringBuilder("chain-").append(s.strategy());
        if (s.strategy().equals("reinforce")) {
            b.append("-lr").append(s.controller().learningRate());
        } else if (s.strategy().equals("evolution")) {
            b.append("-P").append(s.population()).append("s").append(s.sampleSize());
        }
        b.append("-L").append(s.layers()).append('-').append(s.data()).append("-t").append(t.trainImages())
                .append("v").append(t.validationImages()).append("e").append(t.epochs()).append("d").append(t.downsample());
        return b.append(Nb201Runner.budgetSuffix(s.trials(), s.batchSize(), s.maxSeconds(), s.target(), s.seed()))
                .toString();
    }

    @Override
    public Map<String, Object> toMap() {
        return s.toMap();
    }

    @Override
    public int trials() {
        return s.trials();
    }

    @Override
    public int workers() {
        return s.workers();
    }

    @Override
    public SearchPlan withWorkers(int w) {
        return new ChainPlan(s.withWorkers(w));
    }

    @Override
    public String objective() {
        return String.format(Locale.ROOT, "%s validation accuracy (%d images)", s.data(), s.training().validationImages());
    }

    @Override
    public StudyBuilder<?> builder(String name, TrialStore store, ThreadExecutor executor) {
        LayerChainSpace space = LayerChainSpace.nas(s.layers());
        Strategy<LayerChain> strategy = switch (s.strategy()) {
            case "reinforce" -> new ReinforceStrategy<>(space, s.controller());
            case "evolution" -> new RegularizedEvolution<>(space, s.population(), s.sampleSize(), Direction.MAXIMIZE);
            default -> new RandomSearch<>(space);
        };
        Dataset data;
        try {
            data = DataSets.load(Path.of(s.dataDir()), s.data(), true);
        } catch (DataException e) {
            throw new UserException(e.getMessage(), e);
        }
        ChainEvaluator evaluator;
        try {
            evaluator = new ChainEvaluator(data, s.training(), s.seed());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
        StudyBuilder<LayerChain> b = Study.builder(space, strategy, evaluator, store).name(name).seed(s.seed())
                .direction(Direction.MAXIMIZE).executor(executor).batchSize(s.batchSize()).settings(s.toMap());
        return PlanRunner.limits(b, s.trials(), s.maxSeconds(), s.target());
    }
}
