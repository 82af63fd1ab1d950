package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.random.RandomGenerator;

/**
 * DNW in which no node is left without an in-edge: every target node ({@link TargetNodes}) keeps its
 * largest-magnitude in-edge, and the other {@code k − nodes} edges are the largest magnitudes among
 * the rest, one threshold over the group as in {@link Dnw}; the backward pass is straight-through.
 *
 * <p>Why: a node whose input is normalised (the channel graph's BatchNorm) and that loses all its
 * in-edges outputs a constant, and the gradient into it is then exactly zero (ReLU of the BatchNorm
 * shift 0), so none of its unused in-edges can ever grow back: the node is dead for good, against
 * the idea of DNW that unused edges can swap in. With a few in-edges per node (a CPU-sized graph) many
 * nodes die early. Not in the paper; measured against it in bench/results/dnw.md.
 */
public final class DnwEveryNode implements WiringVariant {
    @Override
    public String name() {
        return "dnw-every-node";
    }

    @Override
    public String description() {
        return "DNW where every node keeps its largest in-edge, so no node is cut off (k must be >= nodes)";
    }

    @Override
    public EdgeSelection start(int[] sizes, int edges, RandomGenerator rng) {
        return new GroupSelection(sizes, edges) {
            private TargetNodes[] targets; // fixed by the first call, as the scratch below
            private float[][] rest;
            private int[][] best;

            @Override
            public Tensor[] apply(Tape tape, Tensor... weights) {
                checkWeights(weights);
                if (targets == null) {
                    start(weights);
                }
                int nodes = 0;
                for (int i = 0; i < weights.length; i++) {
                    float[] w = weights[i].data();
                    System.arraycopy(w, 0, rest[i], 0, w.length);
                    TargetNodes t = targets[i];
                    for (int r = 0; r < t.count(); r++) {
                        int start = t.start(r), arg = start;
                        for (int c = start + t.stride(); c < start + t.length() * t.stride(); c += t.stride()) {
                            if (Math.abs(w[c]) > Math.abs(w[arg])) {
                                arg = c;
                            }
                        }
                        best[i][r] = arg;
                        rest[i][arg] = 0f; // reserved: out of the global ranking
                    }
                    nodes += t.count();
                }
                chooseTopK(rest, edges - nodes);
                for (int i = 0; i < weights.length; i++) {
                    for (int arg : best[i]) {
                        active[i][arg] = true;
                    }
                }
                return straightThrough(tape, weights, active);
            }

            private void start(Tensor[] weights) {
                TargetNodes[] t = new TargetNodes[weights.length];
                int nodes = 0;
                for (int i = 0; i < weights.length; i++) {
                    t[i] = TargetNodes.of(weights[i]);
                    nodes += t[i].count();
                }
                if (edges < nodes) {
                    throw new IllegalArgumentException("dnw-every-node needs at least one edge per node: budget "
                            + edges + " < " + nodes + " nodes");
                }
                rest = new float[weights.length][];
                best = new int[weights.length][];
                for (int i = 0; i < weights.length; i++) {
                    rest[i] = new float[sizes[i]];
                    best[i] = new int[t[i].count()];
                }
                targets = t;
            }
        };
    }
}
