package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.random.RandomGenerator;

/**
 * The baseline: k edges drawn uniformly at random (without replacement) over the whole group when
 * the selection starts, fixed for the run; only those edges are trained (allenai/dnw {@code RandomGraph}).
 */
public final class RandomGraph implements WiringVariant {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public String description() {
        return "a fixed random graph with the same number of edges; gradient only to its edges";
    }

    @Override
    public EdgeSelection start(int[] sizes, int edges, RandomGenerator rng) {
        return new GroupSelection(sizes, edges) {
            {
                long total = potentialEdges();
                if (total > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("random graph: " + total + " potential edges are too many");
                }
                // Floyd's sampling: exactly k distinct positions, O(k) draws, no permutation of the whole group.
                java.util.BitSet chosen = new java.util.BitSet((int) total);
                for (int j = (int) total - edges; j < total; j++) {
                    int t = rng.nextInt(j + 1);
                    chosen.set(chosen.get(t) ? j : t);
                }
                int base = 0;
                for (int a = 0; a < sizes.length; a++) {
                    for (int i = 0; i < sizes[a]; i++) {
                        active[a][i] = chosen.get(base + i);
                    }
                    base += sizes[a];
                }
            }

            @Override
            public Tensor[] apply(Tape tape, Tensor... weights) {
                checkWeights(weights);
                return masked(tape, weights, active);
            }
        };
    }
}
