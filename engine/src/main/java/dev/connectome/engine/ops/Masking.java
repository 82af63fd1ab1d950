package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;

/** Constant masks: multiply by a fixed mask (e.g. a sparse wiring), or keep only selected elements. */
public final class Masking {
    private Masking() {
    }

    /**
     * {@code x · mask} where mask is a constant of x's shape, or a row ([cols] or [1, cols]) applied to
     * every row of a 2-D x, or one element. Gradient flows to x only; a trainable mask would need
     * {@link Arithmetic#mul} instead, so one is rejected rather than silently left without gradient.
     */
    public static Tensor maskedMultiply(Tape tape, Tensor x, Tensor mask) {
        Checks.constant(mask, "mask", "maskedMultiply");
        Broadcast bc = Broadcast.of(x, mask, "maskedMultiply");
        int n = x.size();
        Tensor out = tape.output(tape.needsGrad(x), x.shape());
        float[] v = x.data(), m = mask.data(), o = out.data();
        for (int i = 0; i < n; i++) {
            o[i] = v[i] * m[bc.bIndex(i)];
        }
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            for (int i = 0; i < n; i++) {
                gx[i] += g[i] * m[bc.bIndex(i)];
            }
        });
        return out;
    }

    /**
     * The elements of x (in row-major order) whose flag in {@code keep} is set, as a 1-D tensor.
     * Backward scatters the gradient back to those positions.
     */
    public static Tensor maskedSelect(Tape tape, Tensor x, boolean[] keep) {
        int n = x.size();
        if (keep.length != n) {
            throw new IllegalArgumentException("maskedSelect: " + keep.length + " flags for " + x + " of size " + n);
        }
        boolean[] k = keep.clone(); // the caller may reuse its array before backward
        int count = 0;
        for (boolean b : k) {
            if (b) {
                count++;
            }
        }
        Tensor out = tape.output(tape.needsGrad(x), count);
        float[] v = x.data(), o = out.data();
        for (int i = 0, j = 0; i < n; i++) {
            if (k[i]) {
                o[j++] = v[i];
            }
        }
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            for (int i = 0, j = 0; i < n; i++) {
                if (k[i]) {
                    gx[i] += g[j++];
                }
            }
        });
        return out;
    }
}
