package dev.connectome.nas.wann;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hyperparameters of a WANN search, named as in WANNRelease's {@code p/*.json} files.
 *
 * @param populationSize  popSize
 * @param generations     maxGen
 * @param repeats         alg_nReps: rollouts per weight value
 * @param weights         the shared weight values (alg_wDist "standard", alg_nVals 6: −2, −1, −0.5, 0.5, 1, 2)
 * @param probMoo         alg_probMoo: chance of ranking on (mean, 1/connections) rather than (mean, max)
 * @param probInitEnable  prob_initEnable: chance each initial bias/input→output connection is enabled
 * @param probAddConnection prob_addConn (roulette weight)
 * @param probAddNode     prob_addNode (roulette weight)
 * @param probEnable      prob_enable (roulette weight)
 * @param probChangeActivation prob_mutAct (roulette weight)
 * @param cullRatio       select_cullRatio: fraction of the ranked population dropped before breeding
 * @param eliteRatio      select_eliteRatio: fraction of the survivors copied unchanged
 * @param tournamentSize  select_tournSize
 * @param bestRepeats     bestReps: rollouts per weight when the champion is re-tested
 */
public record WannSettings(int populationSize, int generations, int repeats, double[] weights, double probMoo,
        double probInitEnable, double probAddConnection, double probAddNode, double probEnable,
        double probChangeActivation, double cullRatio, double eliteRatio, int tournamentSize, int bestRepeats) {

    /** The standard six shared weight values. */
    public static final double[] STANDARD_WEIGHTS = {-2, -1, -0.5, 0.5, 1, 2};

    public WannSettings {
        weights = weights.clone();
        check(populationSize >= 2, "population size must be >= 2, got " + populationSize);
        check(generations >= 1, "generations must be >= 1, got " + generations);
        check(repeats >= 1, "repeats must be >= 1, got " + repeats);
        check(weights.length >= 1, "at least one shared weight value is needed");
        check(bestRepeats >= 1, "best repeats must be >= 1, got " + bestRepeats);
        check(tournamentSize >= 1, "tournament size must be >= 1, got " + tournamentSize);
        probability("probMoo", probMoo);
        probability("probInitEnable", probInitEnable);
        probability("probAddConnection", probAddConnection);
        probability("probAddNode", probAddNode);
        probability("probEnable", probEnable);
        probability("probChangeActivation", probChangeActivation);
        check(probAddConnection + probAddNode + probEnable + probChangeActivation > 0, "all mutation probabilities are 0");
        check(cullRatio >= 0 && cullRatio < 1, "cull ratio must be in [0, 1), got " + cullRatio);
        check(eliteRatio >= 0 && eliteRatio <= 1, "elite ratio must be in [0, 1], got " + eliteRatio);
        check(populationSize - (int) Math.floor(cullRatio * populationSize) >= 1, "culling leaves no parents");
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** default_wan.json. */
    public static WannSettings defaults() {
        return new WannSettings(128, 2048, 4, STANDARD_WEIGHTS, 0.8, 0.5, 0.20, 0.25, 0.05, 0.50, 0.2, 0.2, 8, 20);
    }

    /** swingup.json: population 192, 1024 generations, 3 repeats. */
    public static WannSettings swingup() {
        return defaults().withPopulation(192).withGenerations(1024).withRepeats(3);
    }

    /** mnist256.json: population 960, 4096 generations, 1 repeat, initial enable 0.05, tournament 32. */
    public static WannSettings mnist256() {
        WannSettings d = defaults();
        return new WannSettings(960, 4096, 1, d.weights, d.probMoo, 0.05, d.probAddConnection, d.probAddNode,
                d.probEnable, d.probChangeActivation, d.cullRatio, d.eliteRatio, 32, d.bestRepeats);
    }

    /** laptop_swing.json (the training script's default): population 64, 1024 generations, elite 0.05, tournament 4. */
    public static WannSettings laptop() {
        WannSettings d = defaults();
        return new WannSettings(64, 1024, 3, d.weights, d.probMoo, 0.5, d.probAddConnection, d.probAddNode,
                d.probEnable, d.probChangeActivation, d.cullRatio, 0.05, 4, 16);
    }

    /** Preset names accepted by {@link #preset}. */
    public static final List<String> PRESETS = List.of("swingup", "mnist256", "laptop", "default");

    /** A preset by name; IllegalArgumentException listing the names otherwise. */
    public static WannSettings preset(String name) {
        return switch (name) {
            case "swingup" -> swingup();
            case "mnist256" -> mnist256();
            case "laptop" -> laptop();
            case "default" -> defaults();
            default -> throw new IllegalArgumentException("unknown WANN preset '" + name + "'; known: " + PRESETS);
        };
    }

    public WannSettings withPopulation(int p) {
        return new WannSettings(p, generations, repeats, weights, probMoo, probInitEnable, probAddConnection, probAddNode,
                probEnable, probChangeActivation, cullRatio, eliteRatio, tournamentSize, bestRepeats);
    }

    public WannSettings withGenerations(int g) {
        return new WannSettings(populationSize, g, repeats, weights, probMoo, probInitEnable, probAddConnection, probAddNode,
                probEnable, probChangeActivation, cullRatio, eliteRatio, tournamentSize, bestRepeats);
    }

    public WannSettings withRepeats(int r) {
        return new WannSettings(populationSize, generations, r, weights, probMoo, probInitEnable, probAddConnection,
                probAddNode, probEnable, probChangeActivation, cullRatio, eliteRatio, tournamentSize, bestRepeats);
    }

    public WannSettings withTournamentSize(int t) {
        return new WannSettings(populationSize, generations, repeats, weights, probMoo, probInitEnable, probAddConnection,
                probAddNode, probEnable, probChangeActivation, cullRatio, eliteRatio, t, bestRepeats);
    }

    /** Survivors after culling: P − floor(cullRatio·P). */
    public int parentCount() {
        return populationSize - (int) Math.floor(cullRatio * populationSize);
    }

    /** Elites copied unchanged: floor(eliteRatio · survivors). */
    public int eliteCount() {
        return (int) Math.floor(parentCount() * eliteRatio);
    }

    /** Settings as a flat map (stored with studies). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("popSize", populationSize);
        m.put("maxGen", generations);
        m.put("nReps", repeats);
        m.put("weights", Arrays.stream(weights).boxed().toList());
        m.put("probMoo", probMoo);
        m.put("probInitEnable", probInitEnable);
        m.put("probAddConn", probAddConnection);
        m.put("probAddNode", probAddNode);
        m.put("probEnable", probEnable);
        m.put("probMutAct", probChangeActivation);
        m.put("cullRatio", cullRatio);
        m.put("eliteRatio", eliteRatio);
        m.put("tournSize", tournamentSize);
        m.put("bestReps", bestRepeats);
        return m;
    }

    /** Reads {@link #toMap()} back. */
    public static WannSettings fromMap(Map<String, Object> m) {
        try {
            double[] w = ((List<?>) m.get("weights")).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
            return new WannSettings(num(m, "popSize").intValue(), num(m, "maxGen").intValue(), num(m, "nReps").intValue(), w,
                    num(m, "probMoo").doubleValue(), num(m, "probInitEnable").doubleValue(),
                    num(m, "probAddConn").doubleValue(), num(m, "probAddNode").doubleValue(),
                    num(m, "probEnable").doubleValue(), num(m, "probMutAct").doubleValue(),
                    num(m, "cullRatio").doubleValue(), num(m, "eliteRatio").doubleValue(),
                    num(m, "tournSize").intValue(), num(m, "bestReps").intValue());
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("malformed WANN settings: " + m, e);
        }
    }

    private static Number num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException("WANN settings lack a numeric '" + key + "': " + m);
        }
        return n;
    }

    private static void probability(String name, double p) {
        check(p >= 0 && p <= 1, name + " must be in [0, 1], got " + p);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WannSettings s && toMap().equals(s.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "WannSettings" + toMap();
    }
}
