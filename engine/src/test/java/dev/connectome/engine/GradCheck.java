package dev.connectome.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Finite-difference gradient checks for anything built on a {@link Tape}: ops, layers, models.
 *
 * <p>The function under test builds an output of any shape on the tape it is given from some
 * parameter tensors ({@link Tensor#parameter}). A one-element output is taken as the loss L itself;
 * any other output y is reduced to {@code L = Σ wᵢ·yᵢ} with fixed pseudo-random weights in [−1, 1),
 * so that a backward that mixes up indices cannot pass by symmetry. {@link #check} runs the function
 * once on a training tape and calls {@code backward} to get the analytic gradients, then perturbs
 * every parameter value in place and estimates each derivative with the fourth-order central
 * difference {@code (−L(x+2h) + 8L(x+h) − 8L(x−h) + L(x−2h)) / 12h}.
 *
 * <p>Why these numbers: the forward pass runs in float, so L carries rounding noise. For numeric
 * evaluations L is summed in double straight from y's float values, so the only noise is the
 * rounding of the yᵢ themselves (half an ulp each). The stencil's coefficients add that up to at most
 * {@code 0.75·ulp/h}, so a large step is wanted; the fourth-order stencil allows h = 1e-2 because its
 * truncation error is O(h⁴) ≈ 1e-8 for derivatives of order one. The error of one component is
 * {@code |analytic − numeric| / max(|analytic|, |numeric|, floor)} where floor is the larger of the
 * given floor (default 1e-3) and {@code 100·max|wᵢ|·ulp(yᵢ)/h}: components whose true derivative is
 * (near) zero are judged against the noise level instead of by a relative error of pure noise, and
 * the rounding noise alone can then contribute at most 0.0075 to the error. Tolerances around 1e-2
 * therefore pass correct gradients of float ops, while any index, sign or factor mistake gives
 * errors near 1.
 *
 * <p>Inputs must sit at least 2h away from kinks (relu, abs at 0): a difference quotient straddling
 * a kink is meaningless ({@link #awayFromZero} makes such inputs).
 *
 * <p>Typical use:
 * <pre>{@code
 * Tensor w = GradCheck.uniform(rng, -1, 1, 3, 4);
 * GradCheck.assertGradients(t -> Activations.tanh(t, w), 1e-2, w);
 * }</pre>
 */
public final class GradCheck {
    /** Default finite-difference step (see class comment). */
    public static final double DEFAULT_STEP = 1e-2;
    /** Default lower bound of the denominator of the relative error. */
    public static final double DEFAULT_FLOOR = 1e-3;
    /** Seed of the projection weights for outputs with more than one element. */
    private static final long PROJECTION_SEED = 0x5eed;

    private GradCheck() {
    }

    /**
     * The outcome of a check.
     *
     * @param maxError   largest relative error over all parameter components
     * @param worst      where it occurred, e.g. {@code "param 1 Tensor[4] [3]: analytic 0.31 numeric 0.29"}
     * @param components number of components compared
     * @param floor      the denominator floor that was used (see class comment)
     */
    public record Result(double maxError, String worst, int components, double floor) {
        @Override
        public String toString() {
            return "max relative error " + maxError + " over " + components + " components (floor " + floor
                    + "); worst " + worst;
        }
    }

    /** {@link #check(Function, double, double, Tensor...)} with the default step and floor. */
    public static Result check(Function<Tape, Tensor> f, Tensor... params) {
        return check(f, DEFAULT_STEP, DEFAULT_FLOOR, params);
    }

    /**
     * Compares the analytic gradients of {@code f} with respect to {@code params} against finite
     * differences. The parameters' values are restored and their gradients zeroed afterwards.
     *
     * @param f      builds an output (a one-element loss, or anything that gets projected) on the
     *               given tape; must be deterministic
     * @param step   finite-difference step h
     * @param floor  lower bound of the relative-error denominator
     * @param params leaf tensors with {@code requiresGrad}, perturbed in place
     */
    public static Result check(Function<Tape, Tensor> f, double step, double floor, Tensor... params) {
        if (params.length == 0) {
            throw new IllegalArgumentException("GradCheck: no parameters given");
        }
        for (Tensor p : params) {
            if (!p.requiresGrad() || p.grad() == null) {
                throw new IllegalArgumentException("GradCheck: " + p + " is not a parameter (use Tensor.parameter)");
            }
            p.zeroGrad();
        }
        Tape tape = Tape.training(Parallelism.single());
        Tensor y = f.apply(tape);
        float[] w = projection(y.size());
        double noise = 0;
        for (int i = 0; i < w.length; i++) {
            noise = Math.max(noise, Math.abs(w[i]) * Math.ulp(y.data()[i]));
        }
        double usedFloor = Math.max(floor, 100 * noise / step);
        tape.backward(y.size() == 1 ? y : weightedSum(tape, y, w));
        float[][] analytic = new float[params.length][];
        for (int i = 0; i < params.length; i++) {
            analytic[i] = params[i].grad().clone();
            params[i].zeroGrad();
        }
        tape.reset();

        double maxError = 0;
        String worst = "none";
        int components = 0;
        for (int i = 0; i < params.length; i++) {
            float[] x = params[i].data();
            for (int j = 0; j < x.length; j++) {
                float saved = x[j];
                double lp1 = lossAt(tape, f, w, x, j, saved, step);
                double lm1 = lossAt(tape, f, w, x, j, saved, -step);
                double lp2 = lossAt(tape, f, w, x, j, saved, 2 * step);
                double lm2 = lossAt(tape, f, w, x, j, saved, -2 * step);
                x[j] = saved;
                // The actual perturbations are float-rounded; dividing by the nominal h adds a relative
                // error of at most ulp(x)/h, about 1e-4 for |x| < 10 and h = 1e-2, below our tolerances.
                double numeric = (-lp2 + 8 * lp1 - 8 * lm1 + lm2) / (12 * step);
                double a = analytic[i][j];
                double err = Math.abs(a - numeric) / Math.max(usedFloor, Math.max(Math.abs(a), Math.abs(numeric)));
                components++;
                if (err > maxError || Double.isNaN(err)) {
                    maxError = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
                    worst = "param " + i + " " + params[i] + " [" + j + "]: analytic " + a + " numeric " + numeric;
                }
            }
        }
        return new Result(maxError, worst, components, usedFloor);
    }

    /** Asserts that {@link #check(Function, Tensor...)} finds a max relative error below {@code tolerance}. */
    public static Result assertGradients(Function<Tape, Tensor> lossOfParams, double tolerance, Tensor... params) {
        Result r = check(lossOfParams, params);
        assertThat(r.maxError()).as(r.toString()).isLessThan(tolerance);
        return r;
    }

    private static double lossAt(Tape tape, Function<Tape, Tensor> f, float[] w, float[] x, int j, float saved,
            double delta) {
        x[j] = (float) (saved + delta);
        Tensor y = f.apply(tape);
        if (y.size() != w.length) {
            throw new IllegalStateException("GradCheck: output size changed from " + w.length + " to " + y);
        }
        double v = 0;
        float[] d = y.data();
        for (int i = 0; i < d.length; i++) {
            v += (double) w[i] * d[i];
        }
        tape.reset();
        return v;
    }

    /** Weights 1 for a one-element output, else fixed pseudo-random weights in [−1, 1). */
    private static float[] projection(int n) {
        if (n == 1) {
            return new float[] {1f};
        }
        SplittableRandom rng = new SplittableRandom(PROJECTION_SEED);
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) rng.nextDouble(-1, 1);
        }
        return w;
    }

    /**
     * A loss {@code Σ wᵢ·xᵢ} (accumulated in double) with fixed pseudo-random weights in [−1, 1) drawn
     * from {@code seed}; its gradient with respect to x is w. Implemented here directly on the tape so
     * that checking an op does not depend on any other op being right.
     */
    public static Tensor weightedSum(Tape tape, Tensor x, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] w = new float[x.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) rng.nextDouble(-1, 1);
        }
        return weightedSum(tape, x, w);
    }

    /** A loss {@code Σ wᵢ·xᵢ} with the given weights (one per element of x). */
    public static Tensor weightedSum(Tape tape, Tensor x, float[] w) {
        if (w.length != x.size()) {
            throw new IllegalArgumentException("weightedSum: " + w.length + " weights for " + x);
        }
        float[] v = x.data();
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += (double) w[i] * v[i];
        }
        Tensor out = tape.output(tape.needsGrad(x));
        out.data()[0] = (float) s;
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            for (int i = 0; i < gx.length; i++) {
                gx[i] += g[0] * w[i];
            }
        });
        return out;
    }

    /** A parameter of the given shape with values uniform in [lo, hi). */
    public static Tensor uniform(SplittableRandom rng, double lo, double hi, int... shape) {
        float[] d = new float[Tensor.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextDouble(lo, hi);
        }
        return Tensor.parameter(d, shape);
    }

    /**
     * A parameter of the given shape with values uniform in ±[margin, hi): never within
     * {@code margin} of zero, for ops with a kink there (relu, abs, step).
     */
    public static Tensor awayFromZero(SplittableRandom rng, double margin, double hi, int... shape) {
        float[] d = new float[Tensor.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) {
            double m = rng.nextDouble(margin, hi);
            d[i] = (float) (rng.nextBoolean() ? m : -m);
        }
        return Tensor.parameter(d, shape);
    }

    /** A random shape: {@code rank} dimensions each in [1, maxDim]. */
    public static int[] randomShape(SplittableRandom rng, int rank, int maxDim) {
        int[] s = new int[rank];
        Arrays.setAll(s, i -> rng.nextInt(1, maxDim + 1));
        return s;
    }
}
