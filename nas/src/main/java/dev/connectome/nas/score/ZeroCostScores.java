package dev.connectome.nas.score;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of zero-cost scores by id: the built-in ones, plus any {@link ZeroCostScore} found
 * with {@link ServiceLoader} (a jar on the class path listing it in
 * {@code META-INF/services/dev.connectome.nas.score.ZeroCostScore}). Immutable after class loading.
 */
public final class ZeroCostScores {
    private static final Map<String, ZeroCostScore> BY_ID = load();

    private ZeroCostScores() {
    }

    private static Map<String, ZeroCostScore> load() {
        Map<String, ZeroCostScore> m = new LinkedHashMap<>();
        for (ZeroCostScore s : List.of(new NaswotScore(), new SynflowScore(), new SnipScore(), new GradNormScore(),
                new JacovScore(), new ParamsScore(), new FlopsScore())) {
            m.put(s.id(), s);
        }
        for (ZeroCostScore s : ServiceLoader.load(ZeroCostScore.class)) {
            m.putIfAbsent(s.id(), s);
        }
        return Collections.unmodifiableMap(m);
    }

    /** All registered scores, built-in ones first. */
    public static Collection<ZeroCostScore> all() {
        return BY_ID.values();
    }

    /** All ids, in registry order. */
    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    /** The score with this id (case-insensitive); IllegalArgumentException listing the known ids otherwise. */
    public static ZeroCostScore byId(String id) {
        ZeroCostScore s = id == null ? null : BY_ID.get(id.strip().toLowerCase(Locale.ROOT));
        if (s == null) {
            throw new IllegalArgumentException("unknown zero-cost score '" + id + "'; known: " + String.join(", ", ids()));
        }
        return s;
    }

    /** Scores from a comma-separated list such as "naswot,synflow", or "all". */
    public static List<ZeroCostScore> parseList(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new IllegalArgumentException("no zero-cost scores given; known: " + String.join(", ", ids()));
        }
        if (csv.strip().equalsIgnoreCase("all")) {
            return List.copyOf(all());
        }
        List<ZeroCostScore> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            ZeroCostScore s = byId(part);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
