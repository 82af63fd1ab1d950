package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;

/**
 * Recurrent cell updates. The LSTM step is fused: from the gate pre-activations it computes the new
 * cell and hidden state in one pass, and its backward reads the saved gate activations, so a step
 * costs two matmuls (done by the caller) plus one pointwise pass each way.
 *
 * <p>Gate order inside the 4H columns is PyTorch's: input, forget, cell (g), output.
 */
public final class Recurrent {
    private Recurrent() {
    }

    /** The state an LSTM carries from step to step: hidden h and cell c, both [batch, hidden]. */
    public record LstmState(Tensor h, Tensor c) {
    }

    /**
     * One LSTM step from pre-activations {@code z = x·W_ih + h·W_hh + b} of shape [B, 4H] and the
     * previous cell state {@code c} [B, H]:
     * {@code i, f, o = σ(z_i), σ(z_f), σ(z_o); g = tanh(z_g); c' = f⊙c + i⊙g; h' = o⊙tanh(c')}.
     */
    public static LstmState lstmPointwise(Tape tape, Tensor z, Tensor c) {
        Checks.rank(z, 2, "lstmPointwise");
        Checks.rank(c, 2, "lstmPointwise");
        int b = c.dim(0), hs = c.dim(1);
        if (z.dim(0) != b || z.dim(1) != 4 * hs) {
            throw new IllegalArgumentException("lstmPointwise: gates must be [" + b + ", " + 4 * hs + "] for cell "
                    + c + ", got " + z);
        }
        boolean grad = tape.needsGrad(z, c);
        Tensor cNew = tape.output(grad, b, hs);
        Tensor hNew = tape.output(grad, b, hs);
        float[] act = tape.scratch(b * 4 * hs); // i, f, g, o after their nonlinearities
        float[] tc = tape.scratch(b * hs); // tanh(c')
        float[] zv = z.data(), cv = c.data(), cn = cNew.data(), hn = hNew.data();
        for (int r = 0; r < b; r++) {
            int zb = r * 4 * hs, cb = r * hs;
            for (int j = 0; j < hs; j++) {
                float i = Activations.sigmoid(zv[zb + j]);
                float f = Activations.sigmoid(zv[zb + hs + j]);
                float g = (float) Math.tanh(zv[zb + 2 * hs + j]);
                float o = Activations.sigmoid(zv[zb + 3 * hs + j]);
                act[zb + j] = i;
                act[zb + hs + j] = f;
                act[zb + 2 * hs + j] = g;
                act[zb + 3 * hs + j] = o;
                float cc = f * cv[cb + j] + i * g;
                float t = (float) Math.tanh(cc);
                cn[cb + j] = cc;
                tc[cb + j] = t;
                hn[cb + j] = o * t;
            }
        }
        // c' is recorded before h', so h' (replayed first) has added its share to c'.grad by the time
        // c's backward runs.
        tape.record(cNew, gc -> {
            float[] gz = z.requiresGrad() ? tape.grad(z) : null;
            float[] gcPrev = c.requiresGrad() ? tape.grad(c) : null;
            for (int r = 0; r < b; r++) {
                int zb = r * 4 * hs, cb = r * hs;
                for (int j = 0; j < hs; j++) {
                    float d = gc[cb + j];
                    float i = act[zb + j], f = act[zb + hs + j], g = act[zb + 2 * hs + j];
                    if (gz != null) {
                        gz[zb + j] += d * g * i * (1f - i);
                        gz[zb + hs + j] += d * cv[cb + j] * f * (1f - f);
                        gz[zb + 2 * hs + j] += d * i * (1f - g * g);
                    }
                    if (gcPrev != null) {
                        gcPrev[cb + j] += d * f;
                    }
                }
            }
        });
        tape.record(hNew, gh -> {
            float[] gz = z.requiresGrad() ? tape.grad(z) : null;
            float[] gcNew = tape.grad(cNew);
            for (int r = 0; r < b; r++) {
                int zb = r * 4 * hs, cb = r * hs;
                for (int j = 0; j < hs; j++) {
                    float d = gh[cb + j];
                    float o = act[zb + 3 * hs + j], t = tc[cb + j];
                    if (gz != null) {
                        gz[zb + 3 * hs + j] += d * t * o * (1f - o);
                    }
                    gcNew[cb + j] += d * o * (1f - t * t);
                }
            }
        });
        return new LstmState(hNew, cNew);
    }

    /**
     * A full LSTM step: {@code z = x·wIh + h·wHh + bias}, then {@link #lstmPointwise}.
     *
     * @param x    input [B, I]
     * @param prev previous state, h and c [B, H]
     * @param wIh  [I, 4H]
     * @param wHh  [H, 4H]
     * @param bias [4H], or null
     */
    public static LstmState lstmStep(Tape tape, Tensor x, LstmState prev, Tensor wIh, Tensor wHh, Tensor bias) {
        Tensor z = Arithmetic.add(tape, MatrixOps.matmul(tape, x, wIh), MatrixOps.matmul(tape, prev.h(), wHh));
        if (bias != null) {
            z = Arithmetic.add(tape, z, bias);
        }
        return lstmPointwise(tape, z, prev.c());
    }
}
