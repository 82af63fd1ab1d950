package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.random.RandomGenerator;

/**
 * The k largest weights at first use, frozen from then on; only those edges are trained (allenai/dnw
 * {@code FineTune}). Loaded with trained weights, this fine-tunes a discovered wiring; from a fresh
 * initialisation it is a magnitude-chosen static graph.
 */
public final class FineTune implements WiringVariant {
    @Override
    public String name() {
        return "fine-tune";
    }

    @Override
    public String description() {
        return "top-k edges at the first forward pass, then frozen; gradient only to the chosen edges";
    }

    @Override
    public EdgeSelection start(int[] sizes, int edges, RandomGenerator rng) {
        return new GroupSelection(sizes, edges) {
            private boolean frozen;

            @Override
            public Tensor[] apply(Tape tape, Tensor... weights) {
                checkWeights(weights);
                if (!frozen) {
                    chooseTopK(weights);
                    frozen = true;
                }
                return masked(tape, weights, active);
            }
        };
    }
}
