package dev.connectome.nas.subspace;

import java.util.random.RandomGenerator;

/** A kind of random projection: builds a {@link Projection} for a request. Registered in {@link Projections}. */
public interface ProjectionType {
    /** The name users select it by, e.g. "fastfood". */
    String name();

    /** One line for help texts. */
    String description();

    /** Builds a projection, drawing every random choice from {@code rng}. */
    Projection create(ProjectionRequest request, RandomGenerator rng);

    /** How a registered type builds its projection (the {@link #create} of {@link #of}). */
    @FunctionalInterface
    interface Factory {
        Projection create(ProjectionRequest request, RandomGenerator rng);
    }

    /** A type with a fixed name and description that builds projections with {@code factory}. */
    static ProjectionType of(String name, String description, Factory factory) {
        record Named(String name, String description, Factory factory) implements ProjectionType {
            @Override
            public Projection create(ProjectionRequest request, RandomGenerator rng) {
                return factory.create(request, rng);
            }
        }
        return new Named(name, description, factory);
    }
}
