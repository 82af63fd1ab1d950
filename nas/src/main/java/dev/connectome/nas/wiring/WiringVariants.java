package dev.connectome.nas.wiring;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The registry of {@link WiringVariant}s by name, and the edge-budget arithmetic they share. */
public final class WiringVariants {
    private static final Map<String, WiringVariant> BY_NAME;

    static {
        Map<String, WiringVariant> m = new LinkedHashMap<>();
        for (WiringVariant v : List.of(new Dnw(), new RandomGraph(), new DnwNoUpdate(), new FineTune(),
                new CompleteGraph(), new DnwPerNodeScale(), new DnwEveryNode())) {
            m.put(v.name(), v);
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private WiringVariants() {
    }

    /** All variants, in a stable order (dnw first). */
    public static List<WiringVariant> all() {
        return new ArrayList<>(BY_NAME.values());
    }

    public static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    /** The variant called {@code name}; the error lists the valid names. */
    public static WiringVariant get(String name) {
        WiringVariant v = BY_NAME.get(name.trim().toLowerCase(Locale.ROOT));
        if (v == null) {
            throw new IllegalArgumentException("unknown wiring variant '" + name + "' (valid: "
                    + String.join(", ", BY_NAME.keySet()) + ")");
        }
        return v;
    }

    /**
     * Edges kept when a fraction {@code keep} of {@code total} weights is kept, computed as the
     * seed's ChooseEdges does: {@code total − floor((1 − keep)·total)} (so the rounding favours keeping).
     */
    public static int edgesFor(long total, double keep) {
        if (!(keep > 0 && keep <= 1)) {
            throw new IllegalArgumentException("kept fraction must be in (0, 1], got " + keep);
        }
        long pruned = (long) Math.floor((1 - keep) * total);
        return (int) Math.min(Integer.MAX_VALUE, total - pruned);
    }
}
