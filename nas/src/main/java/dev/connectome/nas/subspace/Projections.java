package dev.connectome.nas.subspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The registry of {@link ProjectionType}s, looked up by name. Immutable; {@link #standard()} lists the built-ins. */
public final class Projections {
    private final Map<String, ProjectionType> types;

    private Projections(Map<String, ProjectionType> types) {
        this.types = types;
    }

    /** dense-qr (seed 003), dense (Li et al.'s normalised Gaussian), sparse, fastfood (stacked blocks) and fastfood-li (one block). */
    public static Projections standard() {
        return of(List.of(DenseQrProjection.TYPE, DenseGaussianProjection.TYPE, SparseRandomProjection.TYPE,
                InterleavedFastfood.TYPE, FastfoodProjection.SINGLE_BLOCK));
    }

    /** A registry of the given types; names must be unique. */
    public static Projections of(List<ProjectionType> list) {
        Map<String, ProjectionType> m = new LinkedHashMap<>();
        for (ProjectionType t : list) {
            if (m.put(Objects.requireNonNull(t.name(), "name"), t) != null) {
                throw new IllegalArgumentException("projection type '" + t.name() + "' registered twice");
            }
        }
        return new Projections(Map.copyOf(m));
    }

    /** The type called {@code name}, or an exception listing the known names. */
    public ProjectionType get(String name) {
        ProjectionType t = types.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown projection '" + name + "'; known: " + String.join(", ", names()));
        }
        return t;
    }

    /** Registered names, sorted. */
    public List<String> names() {
        return types.keySet().stream().sorted().toList();
    }
}
