package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;

/**
 * Applies a chosen edge set (see {@link TopK}) to a weight tensor: the forward pass zeroes the
 * weights whose flag is clear. The two ops differ only in the backward pass:
 * <ul>
 *   <li>{@link #straightThrough}: the gradient reaches every weight, chosen or not (Discovering
 *       Neural Wirings, Wortsman et al. 2019: "the gradient flows to, but not through, the potential
 *       edges"), so an unused edge whose input aligns with the wanted change of its target grows and
 *       can swap in;</li>
 *   <li>{@link #masked}: the gradient reaches only the chosen weights (ordinary masked training, used
 *       by fixed random graphs and fine-tuning).</li>
 * </ul>
 * The flags are read again in the backward pass: the caller must not change them until then.
 */
public final class TopKMask {
    private TopKMask() {
    }

    /** {@code w} with unflagged entries zeroed; backward passes the gradient to all of {@code w}. */
    public static Tensor straightThrough(Tape tape, Tensor w, boolean[] keep) {
        Tensor out = forward(tape, w, keep, "straightThrough");
        tape.record(out, g -> {
            float[] gw = tape.grad(w);
            for (int i = 0; i < gw.length; i++) {
                gw[i] += g[i];
            }
        });
        return out;
    }

    /** {@code w} with unflagged entries zeroed; backward passes the gradient to flagged entries only. */
    public static Tensor masked(Tape tape, Tensor w, boolean[] keep) {
        Tensor out = forward(tape, w, keep, "masked");
        tape.record(out, g -> {
            float[] gw = tape.grad(w);
            for (int i = 0; i < gw.length; i++) {
                if (keep[i]) {
                    gw[i] += g[i];
                }
            }
        });
        return out;
    }

    private static Tensor forward(Tape tape, Tensor w, boolean[] keep, String op) {
        if (keep.length != w.size()) {
            throw new IllegalArgumentException("TopKMask." + op + ": " + keep.length + " flags for " + w
                    + " of size " + w.size());
        }
        Tensor out = tape.output(tape.needsGrad(w), w.shape());
        float[] v = w.data(), o = out.data();
        for (int i = 0; i < v.length; i++) {
            o[i] = keep[i] ? v[i] : 0f;
        }
        return out;
    }
}
