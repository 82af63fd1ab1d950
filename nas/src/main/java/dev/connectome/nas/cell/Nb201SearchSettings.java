package dev.connectome.nas.cell;

import static dev.connectome.nas.study.Settings.string;
import static dev.connectome.nas.study.Settings.number;
import static dev.connectome.nas.study.Settings.optional;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Typed settings of a table-backed NAS-Bench-201 search (what {@code connectome nas search --space nb201}
 * resolves to). Convertible to and from the settings map stored with a study, so a stored study can be
 * resumed or re-run from it.
 *
 * @param strategy       "random" or "evolution"
 * @param dataset        table column used as the objective
 * @param populationSize REA population P (NATS-Bench REA default 10)
 * @param sampleSize     REA tournament size S (NATS-Bench REA default 3)
 * @param trials         trial budget (≥ 1), or 0 for none (then time or target must be set)
 * @param seed           study seed
 * @param workers        trials evaluated at once in this process
 * @param batchSize      trials asked before their results are told; fixes the search trajectory, so it is
 *                       part of the settings (default: workers)
 * @param maxSeconds     wall-time budget per run, or null
 * @param target         stop when the best accuracy reaches this, or null
 */
public record Nb201SearchSettings(String strategy, Nb201Dataset dataset, int populationSize, int sampleSize,
                                  int trials, long seed, int workers, int batchSize, Double maxSeconds, Double target) {

    public Nb201SearchSettings {
        strategy = strategy.toLowerCase(Locale.ROOT);
        if (!strategy.equals("random") && !strategy.equals("evolution")) {
            throw new IllegalArgumentException("unknown strategy '" + strategy + "' (expected random or evolution)");
        }
        if (populationSize < 1 || sampleSize < 1) {
            throw new IllegalArgumentException("population and sample size must be >= 1, got P=" + populationSize
                    + ", S=" + sampleSize);
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
    }

    /** Defaults: CIFAR-10, P=10, S=3, one worker, batch 1, no time or target budget. */
    public static Nb201SearchSettings of(String strategy, int trials, long seed) {
        return new Nb201SearchSettings(strategy, Nb201Dataset.CIFAR10, 10, 3, trials, seed, 1, 1, null, null);
    }

    public Nb201SearchSettings withWorkers(int workers, int batchSize) {
        return new Nb201SearchSettings(strategy, dataset, populationSize, sampleSize, trials, seed, workers, batchSize,
                maxSeconds, target);
    }

    /** The settings as a JSON-compatible map (stored with the study). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("space", "nb201");
        m.put("strategy", strategy);
        m.put("dataset", dataset.id());
        m.put("populationSize", populationSize);
        m.put("sampleSize", sampleSize);
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
        return m;
    }

    /** Reads {@link #toMap()} output (e.g. a stored study's settings); IllegalArgumentException naming a bad field. */
    public static Nb201SearchSettings fromMap(Map<String, Object> m) {
        if (!"nb201".equals(m.get("space"))) {
            throw new IllegalArgumentException("settings are not for the nb201 space: space=" + m.get("space"));
        }
        return new Nb201SearchSettings(string(m, "strategy"), Nb201Dataset.parse(string(m, "dataset")),
                number(m, "populationSize").intValue(), number(m, "sampleSize").intValue(), number(m, "trials").intValue(),
                number(m, "seed").longValue(), number(m, "workers").intValue(), number(m, "batchSize").intValue(),
                optional(m, "maxSeconds"), optional(m, "target"));
    }
}
