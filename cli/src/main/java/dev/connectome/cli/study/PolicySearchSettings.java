package dev.connectome.cli.study;

import static dev.connectome.nas.study.Settings.string;
import static dev.connectome.nas.study.Settings.number;
import static dev.connectome.nas.study.Settings.optional;

import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Typed settings of an NB201 table search whose strategy is a policy beyond random/evolution:
 * "reinforce" (LSTM controller) or "naswot" (score N untrained cells per trial, keep the best).
 * Convertible to and from the settings map stored with the study, so a stored study can be resumed.
 *
 * @param controller    REINFORCE controller settings (its seed is the study seed); ignored by naswot
 * @param naswotN       NASWOT: candidates scored per trial
 * @param channels      NASWOT: C of the scored NB201 networks
 * @param cells         NASWOT: cells per stage N of the scored networks
 * @param images        NASWOT: images in the scoring batch
 * @param imageData     NASWOT: data set of the batch ("auto": CIFAR-10, else MNIST-like, else the embedded sample)
 * @param dataDir       NASWOT: where imageData is looked up
 */
public record PolicySearchSettings(String strategy, Nb201Dataset dataset, int trials, long seed, int workers,
                                   int batchSize, Double maxSeconds, Double target, ControllerSettings controller,
                                   int naswotN, int channels, int cells, int images, String imageData, String dataDir) {

    /** Strategies these settings run. */
    public static boolean handles(String strategy) {
        String s = strategy.toLowerCase(Locale.ROOT);
        return s.equals("reinforce") || s.equals("naswot");
    }

    public PolicySearchSettings {
        strategy = strategy.toLowerCase(Locale.ROOT);
        if (!handles(strategy)) {
            throw new IllegalArgumentException("unknown strategy '" + strategy + "' (expected reinforce or naswot)");
        }
        if (trials < 0) {
            throw new IllegalArgumentException("trial budget must be >= 0, got " + trials);
        }
        if (workers < 1 || batchSize < 1) {
            throw new IllegalArgumentException("workers and batch size must be >= 1, got " + workers + " and " + batchSize);
        }
        if (trials == 0 && maxSeconds == null && target == null) {
            throw new IllegalArgumentException("an NB201 search needs a budget: trials, time or target");
        }
        if (naswotN < 1 || channels < 1 || cells < 1 || images < 2) {
            throw new IllegalArgumentException("naswot needs N >= 1, C >= 1, cells >= 1 and >= 2 images, got N=" + naswotN
                    + ", C=" + channels + ", cells=" + cells + ", images=" + images);
        }
        if (controller.seed() != seed) {
            throw new IllegalArgumentException("controller seed " + controller.seed() + " differs from study seed " + seed);
        }
    }

    public PolicySearchSettings withWorkers(int w) {
        return new PolicySearchSettings(strategy, dataset, trials, seed, w, batchSize, maxSeconds, target, controller,
                naswotN, channels, cells, images, imageData, dataDir);
    }

    /** The settings as a JSON-compatible map (stored with the study). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("space", "nb201");
        m.put("strategy", strategy);
        m.put("dataset", dataset.id());
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
        if (strategy.equals("reinforce")) {
            m.put("learningRate", controller.learningRate());
            m.put("entropyWeight", controller.entropyWeight());
            m.put("reward", controller.reward());
            m.put("hiddenSize", controller.hiddenSize());
            m.put("controllerBatch", controller.batchSize());
            m.put("baselineDecay", controller.baselineDecay());
            m.put("sharedHeads", !controller.perPositionHeads());
        } else {
            m.put("naswotN", naswotN);
            m.put("channels", channels);
            m.put("cells", cells);
            m.put("images", images);
            m.put("imageData", imageData);
            m.put("dataDir", dataDir);
        }
        return m;
    }

    /** Reads {@link #toMap()} output; IllegalArgumentException naming a bad field. */
    public static PolicySearchSettings fromMap(Map<String, Object> m) {
        if (!"nb201".equals(m.get("space"))) {
            throw new IllegalArgumentException("settings are not for the nb201 space: space=" + m.get("space"));
        }
        String strategy = string(m, "strategy", null);
        long seed = number(m, "seed", null).longValue();
        ControllerSettings cs = ControllerSettings.defaults(seed);
        if ("reinforce".equals(strategy)) {
            cs = cs.withLearningRate(number(m, "learningRate", null).doubleValue())
                    .withEntropy(number(m, "entropyWeight", null).doubleValue())
                    .withReward(string(m, "reward", null), 100.0)
                    .withHidden(number(m, "hiddenSize", null).intValue())
                    .withBatch(number(m, "controllerBatch", null).intValue())
                    .withBaselineDecay(number(m, "baselineDecay", null).doubleValue())
                    .withSharedHeads(Boolean.TRUE.equals(m.get("sharedHeads")));
        }
        return new PolicySearchSettings(strategy, Nb201Dataset.parse(string(m, "dataset", null)),
                number(m, "trials", null).intValue(), seed, number(m, "workers", null).intValue(),
                number(m, "batchSize", null).intValue(), optional(m, "maxSeconds"), optional(m, "target"), cs,
                number(m, "naswotN", 100).intValue(), number(m, "channels", 16).intValue(), number(m, "cells", 5).intValue(),
                number(m, "images", 128).intValue(), string(m, "imageData", "auto"), string(m, "dataDir", "data"));
    }
}
