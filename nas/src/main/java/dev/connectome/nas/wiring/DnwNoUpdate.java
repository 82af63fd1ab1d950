package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.random.RandomGenerator;

/**
 * The paper's ablation "DNW without update of unused edges": the k largest weights are chosen every
 * step, but only chosen edges receive a gradient. Unused edges can still swap in when a chosen one
 * shrinks below them (weight decay, gradient), but never by growing themselves.
 */
public final class DnwNoUpdate implements WiringVariant {
    @Override
    public String name() {
        return "dnw-no-update";
    }

    @Override
    public String description() {
        return "top-k edges by |w| every step; gradient only to the chosen edges";
    }

    @Override
    public EdgeSelection start(int[] sizes, int edges, RandomGenerator rng) {
        return new GroupSelection(sizes, edges) {
            @Override
            public Tensor[] apply(Tape tape, Tensor... weights) {
                checkWeights(weights);
                chooseTopK(weights);
                return masked(tape, weights, active);
            }
        };
    }
}
