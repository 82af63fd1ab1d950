package dev.connectome.nas.wann;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Typed settings of one WANN search study (what {@code connectome wann search} resolves to); convertible
 * to and from the map stored with the study, so a stored search can be resumed.
 *
 * @param task       task id ({@link WannTasks})
 * @param preset     the preset the hyperparameters started from (informational)
 * @param wann       the hyperparameters (after overrides)
 * @param seed       study seed
 * @param workers    genomes evaluated at once in this process
 * @param maxSeconds wall-time budget per run, or null
 * @param target     stop when a generation's best mean reward reaches this, or null
 */
public record WannSearchSettings(String task, String preset, WannSettings wann, long seed, int workers, Double maxSeconds,
                                 Double target) {

    public WannSearchSettings {
        WannTasks.get(task);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
    }

    /** Trial budget: population × generations. */
    public int trials() {
        return Math.multiplyExact(wann.populationSize(), wann.generations());
    }

    /** The settings as a JSON-compatible map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("space", "wann");
        m.put("task", task);
        m.put("preset", preset);
        m.put("wann", wann.toMap());
        m.put("seed", seed);
        m.put("workers", workers);
        if (maxSeconds != null) {
            m.put("maxSeconds", maxSeconds);
        }
        if (target != null) {
            m.put("target", target);
        }
        return m;
    }

    /** Reads {@link #toMap()} output; IllegalArgumentException naming a bad field. */
    @SuppressWarnings("unchecked")
    public static WannSearchSettings fromMap(Map<String, Object> m) {
        // The study stores its own space id ("wann:IxO") under the same key.
        if (!String.valueOf(m.get("space")).startsWith("wann")) {
            throw new IllegalArgumentException("not WANN search settings (space is " + m.get("space") + ")");
        }
        Object wann = m.get("wann");
        if (!(wann instanceof Map)) {
            throw new IllegalArgumentException("WANN search settings lack the 'wann' hyperparameters");
        }
        return new WannSearchSettings(String.valueOf(m.get("task")), String.valueOf(m.get("preset")),
                WannSettings.fromMap((Map<String, Object>) wann), ((Number) m.get("seed")).longValue(),
                ((Number) m.getOrDefault("workers", 1)).intValue(),
                m.get("maxSeconds") == null ? null : ((Number) m.get("maxSeconds")).doubleValue(),
                m.get("target") == null ? null : ((Number) m.get("target")).doubleValue());
    }
}
