package dev.connectome.nas.wann;

import dev.connectome.nas.graph.NeuronGraph;
import java.util.Objects;

/**
 * One individual of one WANN generation. The generation is part of the candidate because it picks the
 * rollout seeds: every member of a generation is judged on the same episodes (or image batches), and
 * an elite copied into the next generation is judged again on new ones, as in WANNRelease.
 */
public record WannCandidate(int generation, NeuronGraph graph) {
    public WannCandidate {
        if (generation < 0) {
            throw new IllegalArgumentException("generation must be >= 0, got " + generation);
        }
        Objects.requireNonNull(graph, "graph");
    }
}
