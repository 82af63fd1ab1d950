package dev.connectome.engine.optim;

import dev.connectome.engine.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * The parameters an optimizer updates, frozen at construction, plus the state arrays it keeps per
 * parameter. Shared by the optimizers so that each of them only writes its update rule.
 */
final class ParameterList {
    final Tensor[] params;

    ParameterList(List<Tensor> params, String optimizer) {
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(optimizer + ": no parameters to optimize");
        }
        this.params = params.toArray(new Tensor[0]);
        for (int i = 0; i < this.params.length; i++) {
            if (this.params[i] == null) {
                throw new IllegalArgumentException(optimizer + ": parameter " + i + " is null");
            }
        }
    }

    /** One zero-filled state array per parameter, sized like it. */
    float[][] newState() {
        float[][] state = new float[params.length][];
        for (int i = 0; i < params.length; i++) {
            state[i] = new float[params[i].size()];
        }
        return state;
    }

    void zeroGrad() {
        for (Tensor p : params) {
            float[] g = p.grad();
            if (g != null) {
                Arrays.fill(g, 0f);
            }
        }
    }

    static double checkRate(double lr, String optimizer) {
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException(optimizer + ": learning rate must be finite and >= 0, got " + lr);
        }
        return lr;
    }

    static void checkRange(double value, double lo, double hi, String what) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(what + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }
}
