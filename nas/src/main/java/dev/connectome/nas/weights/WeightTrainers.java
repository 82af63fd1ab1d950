package dev.connectome.nas.weights;

import dev.connectome.nas.es.CmaEs;
import dev.connectome.nas.es.CmaEsSettings;
import dev.connectome.nas.es.OpenAiEs;
import dev.connectome.nas.es.OpenAiEsSettings;
import dev.connectome.nas.es.Pepg;
import dev.connectome.nas.es.PepgSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The trainers by id, with the defaults the experiments use: "adam" and "sgd" (seed 000's
 * settings), "pepg" (WANNTool's train.py: population 64, σ 0.1), "oes" (estool OpenAI-ES, population
 * 64, mirrored) and "cmaes" (σ 0.1; separable above 200 weights). {@code length} is epochs for
 * backprop and generations for the strategies. The strategies also train on control tasks
 * ({@link #strategy}); backprop needs a differentiable loss and only trains on MNIST256.
 */
public final class WeightTrainers {
    private static final Map<String, EsTrainer.StrategyFactory> STRATEGIES = new LinkedHashMap<>();
    private static final Map<String, BiFunction<Integer, WeightInit, WeightTrainer>> REGISTRY = new LinkedHashMap<>();

    static {
        STRATEGIES.put("pepg", (m, rng) -> new Pepg(m, PepgSettings.wannTool(), rng));
        STRATEGIES.put("oes", (m, rng) -> new OpenAiEs(m, OpenAiEsSettings.defaults().withPopulationSize(64)
                .withAntithetic(true).withWeightDecay(0.005), rng));
        STRATEGIES.put("cmaes", (m, rng) -> new CmaEs(m, CmaEsSettings.defaults().withSigma(0.1), rng));
        REGISTRY.put("adam", (n, init) -> new BackpropTrainer(BackpropSettings.adam(n).withInit(orDefault(init, WeightInit.HE_UNIFORM))));
        REGISTRY.put("sgd", (n, init) -> new BackpropTrainer(BackpropSettings.sgd(n).withInit(orDefault(init, WeightInit.HE_UNIFORM))));
        for (String id : STRATEGIES.keySet()) {
            REGISTRY.put(id, (n, init) -> strategy(id, EsTrainingSettings.of(n).withInit(orDefault(init, WeightInit.ZERO))));
        }
    }

    private WeightTrainers() {
    }

    public static List<String> ids() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** Ids of the evolution strategies (the trainers that work on any {@link EsTask}). */
    public static List<String> strategyIds() {
        return List.copyOf(STRATEGIES.keySet());
    }

    /**
     * The trainer {@code id} for {@code length} epochs/generations; {@code init} null for the trainer's default
     * (He uniform for backprop, zero for the strategies, as estool).
     */
    public static WeightTrainer create(String id, int length, WeightInit init) {
        var f = REGISTRY.get(id);
        if (f == null) {
            throw new IllegalArgumentException("unknown optimizer '" + id + "' (known: " + String.join(", ", ids()) + ")");
        }
        return f.apply(length, init);
    }

    /** The evolution strategy {@code id} with its default hyperparameters and the given training settings. */
    public static EsTrainer strategy(String id, EsTrainingSettings settings) {
        EsTrainer.StrategyFactory f = STRATEGIES.get(id);
        if (f == null) {
            throw new IllegalArgumentException("'" + id + "' is not an evolution strategy (known: "
                    + String.join(", ", strategyIds()) + ")");
        }
        return new EsTrainer(id, settings, f);
    }

    private static WeightInit orDefault(WeightInit init, WeightInit d) {
        return init == null ? d : init;
    }
}
