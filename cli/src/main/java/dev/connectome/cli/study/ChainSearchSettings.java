package dev.connectome.cli.study;

import static dev.connectome.nas.study.Settings.string;
import static dev.connectome.nas.study.Settings.number;
import static dev.connectome.nas.study.Settings.optional;

import dev.connectome.nas.chain.ChainTraining;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Typed settings of a layer-chain search ({@code nas search --space chain}): children trained briefly
 * on an image data set, searched by random search, regularized evolution or the REINFORCE controller.
 * Convertible to and from the settings map stored with the study.
 *
 * @param layers     conv layers per chain
 * @param data       data set name for {@code DataSets.load} (training part; "mnist-sample" is embedded)
 * @param dataDir    where {@code data} is looked up
 * @param training   how each child is trained and scored
 * @param controller REINFORCE settings (its seed is the study seed); ignored by the other strategies
 * @param population regularized evolution's population size; ignored by the other strategies
 * @param sampleSize regularized evolution's tournament size; ignored by the other strategies
 */
public record ChainSearchSettings(String strategy, int layers, String data, String dataDir, ChainTraining training,
                                  int trials, long seed, int workers, int batchSize, Double maxSeconds, Double target,
                                  ControllerSettings controller, int population, int sampleSize) {

    /** Evolution defaults, also the values stored-settings of other strategies read back as. */
    static final int DEFAULT_POPULATION = 10;
    static final int DEFAULT_SAMPLE = 3;

    public ChainSearchSettings {
        strategy = strategy.toLowerCase(Locale.ROOT);
        if (!strategy.equals("reinforce") && !strategy.equals("random") && !strategy.equals("evolution")) {
            throw new IllegalArgumentException("unknown strategy '" + strategy + "' for the chain space (expected "
                    + "random, evolution or reinforce)");
        }
        if (strategy.equals("evolution") && (population < 2 || sampleSize < 1 || sampleSize > population)) {
            throw new IllegalArgumentException("evolution needs --population >= 2 and 1 <= --sample <= population, got "
                    + population + " and " + sampleSize);
        }
        if (layers < 1) {
            throw new IllegalArgumentException("--layers must be >= 1, got " + layers);
        }
        if (trials < 0) {
            throw new IllegalArgumentException("trial budget must be >= 0, got " + trials);
        }
        if (workers < 1 || batchSize < 1) {
            throw new IllegalArgumentException("workers and batch size must be >= 1, got " + workers + " and " + batchSize);
        }
        if (trials == 0 && maxSeconds == null && target == null) {
            throw new IllegalArgumentException("a chain search needs a budget: trials, time or target");
        }
        if (controller.seed() != seed) {
            throw new IllegalArgumentException("controller seed " + controller.seed() + " differs from study seed " + seed);
        }
    }

    public ChainSearchSettings withWorkers(int w) {
        return new ChainSearchSettings(strategy, layers, data, dataDir, training, trials, seed, w, batchSize, maxSeconds,
                target, controller, population, sampleSize);
    }

    /** The settings as a JSON-compatible map (stored with the study). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("space", "chain");
        m.put("strategy", strategy);
        m.put("layers", layers);
        m.put("data", data);
        m.put("dataDir", dataDir);
        m.put("trainImages", training.trainImages());
        m.put("validationImages", training.validationImages());
        m.put("epochs", training.epochs());
        m.put("trainBatch", training.batchSize());
        m.put("trainLearningRate", training.learningRate());
        m.put("downsample", training.downsample());
        m.put("trials", trials);
        m.put("seed", seed);
        m.put("workers", workers);
        m.put("batchSize", batchSize);
        if (maxSeconds != null) {
            m.put("maxSeconds", maxSeconds);
        }
        if (target != null) {
            m.put("target", target);
        }
        if (strategy.equals("evolution")) {
            m.put("population", population);
            m.put("sampleSize", sampleSize);
        }
        if (strategy.equals("reinforce")) {
            m.put("learningRate", controller.learningRate());
            m.put("entropyWeight", controller.entropyWeight());
            m.put("reward", controller.reward());
            m.put("hiddenSize", controller.hiddenSize());
            m.put("controllerBatch", controller.batchSize());
            m.put("baselineDecay", controller.baselineDecay());
            m.put("sharedHeads", !controller.perPositionHeads());
        }
        return m;
    }

    /** Reads {@link #toMap()} output; IllegalArgumentException naming a bad field. */
    public static ChainSearchSettings fromMap(Map<String, Object> m) {
        if (!"chain".equals(m.get("space"))) {
            throw new IllegalArgumentException("settings are not for the chain space: space=" + m.get("space"));
        }
        String strategy = string(m, "strategy");
        boolean evolution = "evolution".equals(strategy);
        long seed = number(m, "seed").longValue();
        ControllerSettings cs = ControllerSettings.defaults(seed);
        if ("reinforce".equals(strategy)) {
            cs = cs.withLearningRate(number(m, "learningRate").doubleValue())
                    .withEntropy(number(m, "entropyWeight").doubleValue())
                    .withReward(string(m, "reward"), 100.0)
                    .withHidden(number(m, "hiddenSize").intValue())
                    .withBatch(number(m, "controllerBatch").intValue())
                    .withBaselineDecay(number(m, "baselineDecay").doubleValue())
                    .withSharedHeads(Boolean.TRUE.equals(m.get("sharedHeads")));
        }
        ChainTraining t = new ChainTraining(number(m, "trainImages").intValue(), number(m, "validationImages").intValue(),
                number(m, "epochs").intValue(), number(m, "trainBatch").intValue(),
                number(m, "trainLearningRate").doubleValue(), number(m, "downsample").intValue());
        return new ChainSearchSettings(strategy, number(m, "layers").intValue(), string(m, "data"), string(m, "dataDir"),
                t, number(m, "trials").intValue(), seed, number(m, "workers").intValue(),
                number(m, "batchSize").intValue(), optional(m, "maxSeconds"), optional(m, "target"), cs,
                evolution ? number(m, "population").intValue() : DEFAULT_POPULATION,
                evolution ? number(m, "sampleSize").intValue() : DEFAULT_SAMPLE);
    }
}
