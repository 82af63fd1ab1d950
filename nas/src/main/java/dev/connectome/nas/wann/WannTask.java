package dev.connectome.nas.wann;

import dev.connectome.nas.graph.NeuronGraph;
import java.util.List;

/**
 * What a WANN is judged on. A rollout is one seeded trial of the network (an episode, or a batch of
 * training images); the whole population sees the same seeds in a generation, and every weight
 * setting of a rollout sees the same episode or batch. Implementations must be safe to call from
 * several threads at once.
 */
public interface WannTask {

    /** Short id stored with studies, e.g. "swingup", "mnist256". */
    String id();

    /** Network inputs (bias not counted). */
    int inputs();

    /** Network outputs. */
    int outputs();

    /**
     * Rewards (higher is better) of genome {@code g} under each weight setting and each rollout seed.
     * The task compiles the genome into whatever evaluator suits it; per-connection weights are in
     * {@link dev.connectome.nas.graph.GraphNet} (wKey) order.
     *
     * @return rewards[weight][rollout]
     */
    double[][] rewards(NeuronGraph g, List<ConnectionWeights> weights, long[] seeds);

    /** Checks that {@code g} has this task's node counts; IllegalArgumentException naming both otherwise. */
    default void checkShape(NeuronGraph g) {
        if (g.inputCount() != inputs() || g.outputCount() != outputs()) {
            throw new IllegalArgumentException("task " + id() + " needs " + inputs() + " inputs and " + outputs()
                    + " outputs, but the network has " + g.inputCount() + " inputs and " + g.outputCount() + " outputs");
        }
    }
}
