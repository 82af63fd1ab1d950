package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.random.RandomGenerator;

/**
 * Discovering Neural Wirings: every forward pass uses the k weights of largest magnitude (one
 * threshold over the whole group), and the backward pass is straight-through, so the gradient
 * reaches unused edges too, which is the paper's update w_uv ← w_uv + ⟨Z_u, −α ∂L/∂I_v⟩ for all
 * (u, v). An unused edge whose source output keeps aligning with its target's wanted change
 * grows until it replaces a weaker edge.
 */
public final class Dnw implements WiringVariant {
    @Override
    public String name() {
        return "dnw";
    }

    @Override
    public String description() {
        return "top-k edges by |w| every step; gradient to all edges (straight-through), so edges swap in";
    }

    @Override
    public EdgeSelection start(int[] sizes, int edges, RandomGenerator rng) {
        return new GroupSelection(sizes, edges) {
            @Override
            public Tensor[] apply(Tape tape, Tensor... weights) {
                checkWeights(weights);
                chooseTopK(weights);
                return straightThrough(tape, weights, active);
            }
        };
    }
}
