package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Recurrent;
import dev.connectome.engine.ops.Recurrent.LstmState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A single LSTM cell: {@code (h', c') = LSTM(x, (h, c))} on a batch, with PyTorch's gate order
 * (input, forget, cell, output). Weights are stored transposed to PyTorch's, [in, 4H] and [H, 4H],
 * so the step is two plain matmuls; one bias [4H] stands for PyTorch's b_ih + b_hh. Parameters are
 * named "weightIh", "weightHh", "bias".
 */
public final class LstmCell implements Module {
    private final int in;
    private final int hidden;
    private final Tensor weightIh;
    private final Tensor weightHh;
    private final Tensor bias;
    private final Map<String, Tensor> params;

    /** PyTorch's default initialisation: every value U(−1/√H, 1/√H). */
    public LstmCell(int in, int hidden, RandomGenerator rng) {
        this(in, hidden, 1 / Math.sqrt(hidden), rng);
    }

    /** Every value U(−range, range) (ENAS initialises its controller with range 0.1). */
    public LstmCell(int in, int hidden, double range, RandomGenerator rng) {
        if (in <= 0 || hidden <= 0) {
            throw new IllegalArgumentException("LstmCell needs positive sizes, got in=" + in + ", hidden=" + hidden);
        }
        if (!(range >= 0) || Double.isInfinite(range)) {
            throw new IllegalArgumentException("LstmCell init range must be finite and >= 0, got " + range);
        }
        this.in = in;
        this.hidden = hidden;
        this.weightIh = Tensor.parameter(uniform(in * 4 * hidden, range, rng), in, 4 * hidden);
        this.weightHh = Tensor.parameter(uniform(hidden * 4 * hidden, range, rng), hidden, 4 * hidden);
        this.bias = Tensor.parameter(uniform(4 * hidden, range, rng), 4 * hidden);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("weightIh", weightIh);
        m.put("weightHh", weightHh);
        m.put("bias", bias);
        this.params = Collections.unmodifiableMap(m);
    }

    private static float[] uniform(int n, double range, RandomGenerator rng) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) ((rng.nextDouble() * 2 - 1) * range);
        }
        return v;
    }

    /** A zero state (h = c = 0) for a batch, as constants on the tape. */
    public LstmState zeroState(Tape tape, int batch) {
        return new LstmState(tape.zeros(false, batch, hidden), tape.zeros(false, batch, hidden));
    }

    /** One step on x [batch, in] from {@code state}. */
    public LstmState step(Tape tape, Tensor x, LstmState state) {
        if (x.rank() != 2 || x.dim(1) != in) {
            throw new IllegalArgumentException("LstmCell(" + in + " → " + hidden + ") expects input [batch, " + in
                    + "], got " + x);
        }
        if (!state.h().hasShape(x.dim(0), hidden) || !state.c().hasShape(x.dim(0), hidden)) {
            throw new IllegalArgumentException("LstmCell state must be [" + x.dim(0) + ", " + hidden + "], got h "
                    + state.h() + ", c " + state.c());
        }
        return Recurrent.lstmStep(tape, x, state, weightIh, weightHh, bias);
    }

    /** One step from the zero state; returns h'. */
    @Override
    public Tensor forward(Tape tape, Tensor x) {
        return step(tape, x, zeroState(tape, x.dim(0))).h();
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    public int inFeatures() {
        return in;
    }

    public int hiddenSize() {
        return hidden;
    }

    @Override
    public String toString() {
        return "LstmCell(" + in + " → " + hidden + ")";
    }
}
