package dev.connectome.engine.optim;

import dev.connectome.engine.Tensor;
import java.util.List;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Gradient clipping over a group of parameters (tensors whose gradient is {@code null} are ignored). */
public final class GradientClipping {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    /** Floats summed in float lanes before flushing to double: bounds the float rounding error. */
    private static final int BLOCK = 1024;

    private GradientClipping() {
    }

    /**
     * Σ g², vectorised: four float accumulators (FMA latency would otherwise serialise the loop)
     * within blocks of {@link #BLOCK} values, flushed to a double total after each block.
     */
    static double sumOfSquares(float[] g) {
        int lanes = F.length();
        int n = g.length;
        double total = 0;
        int i = 0;
        while (i + 4 * lanes <= n) {
            int end = Math.min(n, i + BLOCK);
            FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0;
            for (; i + 4 * lanes <= end; i += 4 * lanes) {
                FloatVector v0 = FloatVector.fromArray(F, g, i);
                FloatVector v1 = FloatVector.fromArray(F, g, i + lanes);
                FloatVector v2 = FloatVector.fromArray(F, g, i + 2 * lanes);
                FloatVector v3 = FloatVector.fromArray(F, g, i + 3 * lanes);
                a0 = v0.fma(v0, a0);
                a1 = v1.fma(v1, a1);
                a2 = v2.fma(v2, a2);
                a3 = v3.fma(v3, a3);
            }
            total += a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        }
        for (; i < n; i++) {
            total += (double) g[i] * g[i];
        }
        return total;
    }

    /** The L2 norm of all gradients taken together (see {@link #sumOfSquares} for the accumulation). */
    public static double globalNorm(List<Tensor> params) {
        double sum = 0;
        for (Tensor p : params) {
            float[] g = p.grad();
            if (g == null) {
                continue;
            }
            sum += sumOfSquares(g);
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
