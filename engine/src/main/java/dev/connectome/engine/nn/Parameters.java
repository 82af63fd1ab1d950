package dev.connectome.engine.nn;

import dev.connectome.engine.Tensor;
import dev.connectome.engine.optim.GradientClipping;
import java.util.Arrays;
import java.util.List;

/**
 * Moves parameter values (or gradients) between a list of tensors and one flat {@code float[]},
 * concatenated in list order (for a module: {@link Module#parameters()}, i.e. name order). Used by
 * black-box optimizers that search over a flat vector, by subspace training and by model files.
 */
public final class Parameters {
    private Parameters() {
    }

    /** Total number of values in {@code params}. */
    public static int count(List<Tensor> params) {
        long n = 0;
        for (Tensor p : params) {
            n += p.size();
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(n + " parameter values do not fit in one flat array");
        }
        return (int) n;
    }

    /** A new flat copy of the values of {@code params}. */
    public static float[] flatten(List<Tensor> params) {
        float[] flat = new float[count(params)];
        copyTo(params, flat, 0);
        return flat;
    }

    /** A new flat copy of the module's parameter values. */
    public static float[] flatten(Module module) {
        return flatten(module.parameters());
    }

    /** Copies the values of {@code params} into {@code dst[offset ..]}; returns the offset after them. */
    public static int copyTo(List<Tensor> params, float[] dst, int offset) {
        checkRoom(params, dst.length, offset, "copyTo");
        int at = offset;
        for (Tensor p : params) {
            System.arraycopy(p.data(), 0, dst, at, p.size());
            at += p.size();
        }
        return at;
    }

    /** Overwrites the values of {@code params} from {@code src[offset ..]}; returns the offset after them. */
    public static int copyFrom(float[] src, int offset, List<Tensor> params) {
        checkRoom(params, src.length, offset, "copyFrom");
        int at = offset;
        for (Tensor p : params) {
            System.arraycopy(src, at, p.data(), 0, p.size());
            at += p.size();
        }
        return at;
    }

    /** Overwrites all of the module's parameter values from {@code src}, which must have exactly their count. */
    public static void load(Module module, float[] src) {
        List<Tensor> params = module.parameters();
        int n = count(params);
        if (src.length != n) {
            throw new IllegalArgumentException("module has " + n + " parameter values, flat array has " + src.length);
        }
        copyFrom(src, 0, params);
    }

    /** Copies the gradients of {@code params} into {@code dst[offset ..]} (zeros where a gradient is null). */
    public static int gradientsTo(List<Tensor> params, float[] dst, int offset) {
        checkRoom(params, dst.length, offset, "gradientsTo");
        int at = offset;
        for (Tensor p : params) {
            float[] g = p.grad();
            if (g == null) {
                Arrays.fill(dst, at, at + p.size(), 0f);
            } else {
                System.arraycopy(g, 0, dst, at, p.size());
            }
            at += p.size();
        }
        return at;
    }

    /** The L2 norm of all gradients together (null gradients count as zero). */
    public static double gradNorm(List<Tensor> params) {
        return GradientClipping.globalNorm(params);
    }

    private static void checkRoom(List<Tensor> params, int length, int offset, String op) {
        int n = count(params);
        if (offset < 0 || offset > length || length - offset < n) {
            throw new IllegalArgumentException(op + ": " + n + " parameter values do not fit in an array of "
                    + length + " from offset " + offset);
        }
    }
}
