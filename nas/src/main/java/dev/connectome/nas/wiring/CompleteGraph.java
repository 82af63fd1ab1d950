package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Every potential edge, whatever the budget: the dense reference (allenai/dnw {@code Complete}). */
public final class CompleteGraph implements WiringVariant {
    @Override
    public String name() {
        return "complete";
    }

    @Override
    public String description() {
        return "every potential edge (dense); the edge budget is ignored";
    }

    @Override
    public boolean usesAllEdges() {
        return true;
    }

    @Override
    public EdgeSelection start(int[] sizes, int edges, RandomGenerator rng) {
        long total = Arrays.stream(sizes).asLongStream().sum();
        return new GroupSelection(sizes, (int) Math.min(total, Integer.MAX_VALUE)) {
            {
                for (boolean[] f : active) {
                    Arrays.fill(f, true);
                }
            }

            @Override
            public Tensor[] apply(Tape tape, Tensor... weights) {
                checkWeights(weights);
                return weights.clone();
            }
        };
    }
}
