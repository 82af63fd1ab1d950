package dev.connectome.engine.optim;

import dev.connectome.engine.Tensor;
import java.util.List;

/** Gradient clipping over a group of parameters (tensors whose gradient is {@code null} are ignored). */
public final class GradientClipping {
    private GradientClipping() {
    }

    /** The L2 norm of all gradients taken together, accumulated in double. */
    public static double globalNorm(List<Tensor> params) {
        double sum = 0;
        for (Tensor p : params) {
            float[] g = p.grad();
            if (g == null) {
                continue;
            }
            double s = 0;
            for (float x : g) {
                s += (double) x * x;
            }
            sum += s;
        }
        return Math.sqrt(sum);
    }

    /**
     * Scales all gradients together so that their global L2 norm is at most {@code maxNorm}, as
     * PyTorch's {@code clip_grad_norm_} does (coefficient {@code maxNorm / (norm + 1e-6)}, applied
     * only when below 1). Returns the norm before clipping, which is worth logging: a NaN or
     * infinite result means the gradients have diverged (they are then left untouched).
     */
    public static double clipByNorm(List<Tensor> params, double maxNorm) {
        if (!(maxNorm > 0) || Double.isInfinite(maxNorm)) {
            throw new IllegalArgumentException("clipByNorm: maxNorm must be finite and > 0, got " + maxNorm);
        }
        double norm = globalNorm(params);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1) {
            float c = (float) coef;
            for (Tensor p : params) {
                float[] g = p.grad();
                if (g == null) {
                    continue;
                }
                for (int j = 0; j < g.length; j++) {
                    g[j] *= c;
                }
            }
        }
        return norm;
    }
}
