package dev.connectome.nas.wiring;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.random.RandomGenerator;

/**
 * DNW for nodes that normalise their input: edges are ranked by {@code |w_uv| / rms(w_·v)}, the weight
 * relative to the root mean square of all potential in-edges of its target v ({@link TargetNodes};
 * the mean, not the norm, so that nodes with different numbers of potential in-edges compare),
 * instead of by {@code |w_uv|}; the backward pass is straight-through as in {@link Dnw}.
 *
 * <p>Why: when a node normalises its input (BatchNorm after the mixing, as in the channel graph),
 * its output does not depend on the scale of its in-edges, so the scales of different nodes' in-edges
 * drift apart and one global |w| threshold compares incomparable numbers. Worse, the gradient of a
 * node's only active in-edge is exactly zero (a one-term normalised sum cannot change), so nodes with
 * few in-edges lose them as other rows grow, and a node without in-edges stops receiving gradient for
 * good. Not in the paper (whose nodes have tens of in-edges); measured against it in bench/results/dnw.md.
 */
public final class DnwPerNodeScale implements WiringVariant {
    @Override
    public String name() {
        return "dnw-node-scale";
    }

    @Override
    public String description() {
        return "DNW ranking edges by |w| relative to the RMS of their target node's in-edges (for normalised nodes)";
    }

    @Override
    public EdgeSelection start(int[] sizes, int edges, RandomGenerator rng) {
        return new GroupSelection(sizes, edges) {
            private float[][] scaled;

            @Override
            public Tensor[] apply(Tape tape, Tensor... weights) {
                checkWeights(weights);
                if (scaled == null) {
                    scaled = new float[weights.length][];
                    for (int i = 0; i < weights.length; i++) {
                        scaled[i] = new float[sizes[i]];
                    }
                }
                for (int i = 0; i < weights.length; i++) {
                    scaleByTarget(weights[i].data(), TargetNodes.of(weights[i]), scaled[i]);
                }
                chooseTopK(scaled);
                return straightThrough(tape, weights, active);
            }
        };
    }

    /** {@code out = w / rms(in-edges of the target)} target by target; an all-zero target stays zero. */
    static void scaleByTarget(float[] w, TargetNodes t, float[] out) {
        for (int r = 0; r < t.count(); r++) {
            int start = t.start(r), end = start + t.length() * t.stride();
            double sq = 0;
            for (int i = start; i < end; i += t.stride()) {
                sq += (double) w[i] * w[i];
            }
            float inv = sq > 0 ? (float) Math.sqrt(t.length() / sq) : 0f;
            for (int i = start; i < end; i += t.stride()) {
                out[i] = w[i] * inv;
            }
        }
    }
}
