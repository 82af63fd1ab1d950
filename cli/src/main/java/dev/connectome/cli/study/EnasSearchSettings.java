package dev.connectome.cli.study;

import static dev.connectome.nas.study.Settings.string;
import static dev.connectome.nas.study.Settings.number;

import dev.connectome.nas.cell.EnasSchedule;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Typed settings of an ENAS weight-sharing search ({@code nas search --space enas}): the REINFORCE
 * controller ("enas") or uniform sampling ("random") over one shared supernet, then the best child of
 * the final policy retrained from scratch. Always one worker and batch size 1 (the trials train the
 * shared weights in order). Convertible to and from the settings map stored with the study.
 *
 * @param data          data set name for {@code DataSets.load} ("mnist-sample" is embedded)
 * @param trainImages   images of the training part used (0: all), before a sixth is held out for validation
 * @param rankingImages fixed validation images that rank the final children and score the retrained one
 * @param controller    REINFORCE settings (its seed is the study seed); ignored by random sampling
 */
public record EnasSearchSettings(String strategy, String data, String dataDir, int trainImages, int nodes, int width, EnasSchedule schedule,
                                 int rankingImages, long seed, ControllerSettings controller) {

    public EnasSearchSettings {
        strategy = strategy.toLowerCase(Locale.ROOT);
        if (!strategy.equals("enas") && !strategy.equals("random")) {
            throw new IllegalArgumentException("unknown strategy '" + strategy + "' for the enas space (expected enas or "
                    + "random)");
        }
        data = data.toLowerCase(Locale.ROOT).equals("sample") ? "mnist-sample" : data.toLowerCase(Locale.ROOT);
        if (trainImages < 0) {
            throw new IllegalArgumentException("--train-images must be >= 0 (0: all), got " + trainImages);
        }
        if (nodes < 1 || width < 1 || rankingImages < 1) {
            throw new IllegalArgumentException("--nodes, --width and --val-images must be >= 1, got " + nodes + ", " + width
                    + " and " + rankingImages);
        }
        if (controller.seed() != seed) {
            throw new IllegalArgumentException("controller seed " + controller.seed() + " differs from study seed " + seed);
        }
    }

    /** ENAS's controller (Pham et al. 2018): heads shared per decision type, logits 2.5·tanh(z/5). */
    public static ControllerSettings enasController(long seed, double lr, double entropy) {
        return ControllerSettings.defaults(seed).withSharedHeads(true).withLogitShaping(5, 2.5).withLearningRate(lr)
                .withEntropy(entropy);
    }

    /** The settings as a JSON-compatible map (stored with the study). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("space", "enas");
        m.put("strategy", strategy);
        m.put("data", data);
        m.put("dataDir", dataDir);
        m.put("trainImages", trainImages);
        m.put("nodes", nodes);
        m.put("width", width);
        m.put("epochs", schedule.epochs());
        m.put("sharedSteps", schedule.sharedSteps());
        m.put("controllerSteps", schedule.controllerSteps());
        m.put("trainBatch", schedule.batch());
        m.put("trainLearningRate", schedule.learningRate());
        m.put("rewardImages", schedule.rewardImages());
        m.put("finalSamples", schedule.finalSamples());
        m.put("retrainEpochs", schedule.retrainEpochs());
        m.put("validationImages", rankingImages);
        m.put("trials", schedule.trials());
        m.put("seed", seed);
        m.put("workers", 1);
        m.put("batchSize", 1);
        if (strategy.equals("enas")) {
            m.put("learningRate", controller.learningRate());
            m.put("entropyWeight", controller.entropyWeight());
        }
        return m;
    }

    /** Reads {@link #toMap()} output; IllegalArgumentException naming a bad field. */
    public static EnasSearchSettings fromMap(Map<String, Object> m) {
        if (!"enas".equals(m.get("space"))) {
            throw new IllegalArgumentException("settings are not for the enas space: space=" + m.get("space"));
        }
        String strategy = string(m, "strategy");
        long seed = number(m, "seed").longValue();
        ControllerSettings cs = "enas".equals(strategy)
                ? enasController(seed, number(m, "learningRate").doubleValue(), number(m, "entropyWeight").doubleValue())
                : ControllerSettings.defaults(seed);
        EnasSchedule s = new EnasSchedule(number(m, "epochs").intValue(), number(m, "sharedSteps").intValue(),
                number(m, "controllerSteps").intValue(), number(m, "trainBatch").intValue(),
                number(m, "trainLearningRate").doubleValue(), number(m, "rewardImages").intValue(),
                number(m, "finalSamples").intValue(), number(m, "retrainEpochs").intValue());
        return new EnasSearchSettings(strategy, string(m, "data"), string(m, "dataDir"), number(m, "trainImages").intValue(),
                number(m, "nodes").intValue(),
                number(m, "width").intValue(), s, number(m, "validationImages").intValue(), seed, cs);
    }
}
