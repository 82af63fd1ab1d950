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
}
