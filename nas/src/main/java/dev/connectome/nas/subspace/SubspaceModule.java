package dev.connectome.nas.subspace;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Parameters;
import dev.connectome.engine.ops.Arithmetic;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Any {@link Module} trained in a random subspace: its parameters are θ = θ₀ + P·ω
 * ({@link SubspaceMode#OFFSET}) or θ = P·ω ({@link SubspaceMode#ABSOLUTE}) and the only trainable
 * parameter is ω ("omega", length d). Train it like any module (e.g. with the classification
 * trainer and Adam): the optimizer sees ω alone.
 *
 * <p>How the gradient gets to ω without changing the wrapped module: before each forward pass θ is
 * written into the module's own parameter tensors (only when ω changed since the last pass). On a
 * recording tape, a zero-valued one-element "marker" is recorded first and added to the output; its
 * backward step therefore runs last, after the module's backward has filled dL/dθ in the module's
 * parameter gradients. It gathers them, computes dL/dω = Pᵀ·dL/dθ with the projection's own
 * transpose kernel (P is never materialised unless the projection is dense), adds it to ω's
 * gradient and clears dL/dθ.
 *
 * <p>Not thread-safe (it owns the θ and gradient buffers); one instance per training run.
 */
public final class SubspaceModule implements Module {
    private final Module inner;
    private final List<Tensor> innerParams;
    private final Projection projection;
    private final SubspaceMode mode;
    private final float[] theta0; // null for ABSOLUTE
    private final Tensor omega;
    private final Map<String, Tensor> params;
    private final float[] theta;
    private final float[] gradTheta;
    private final float[] gradOmega;
    private final float[] scratch;
    private final float[] projectedOmega;
    private boolean projected;

    /**
     * Wraps {@code inner}, whose current parameter values become θ₀ (OFFSET) or are dropped in favour
     * of P·ω₀ (ABSOLUTE).
     */
    public SubspaceModule(Module inner, Projection projection, SubspaceMode mode) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.projection = Objects.requireNonNull(projection, "projection");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.innerParams = inner.parameters();
        int n = Parameters.count(innerParams);
        if (n != projection.ambientDimension()) {
            throw new IllegalArgumentException("subspace: the module has " + n + " parameters but the projection maps to D = "
                    + projection.ambientDimension());
        }
        this.theta0 = mode == SubspaceMode.OFFSET ? Parameters.flatten(innerParams) : null;
        int d = projection.dimension();
        float[] w = mode == SubspaceMode.OFFSET ? new float[d] : projection.initialOmega();
        this.omega = Tensor.parameter(w, d);
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("omega", omega);
        this.params = java.util.Collections.unmodifiableMap(m);
        this.theta = new float[n];
        this.gradTheta = new float[n];
        this.gradOmega = new float[d];
        this.scratch = new float[projection.scratchLength()];
        this.projectedOmega = new float[d];
        syncTheta();
    }

    /**
     * Builds the projection for {@code inner} (its parameter count, current values and tensor
     * sizes) from {@code type} and wraps the module.
     */
    public static SubspaceModule create(Module inner, ProjectionType type, int dimension, SubspaceMode mode,
                                        RandomGenerator rng) {
        List<Tensor> ps = inner.parameters();
        int[] segments = new int[ps.size()];
        for (int i = 0; i < segments.length; i++) {
            segments[i] = ps.get(i).size();
        }
        float[] init = Parameters.flatten(ps);
        Projection p = type.create(new ProjectionRequest(init.length, dimension, init, segments), rng);
        return new SubspaceModule(inner, p, mode);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        syncTheta();
        if (!tape.recording()) {
            return inner.forward(tape, x);
        }
        Tensor marker = tape.zeros(true, 1);
        tape.record(marker, g -> pullBack(tape));
        Tensor y = inner.forward(tape, x);
        return Arithmetic.add(tape, y, marker);
    }

    /** dL/dω += Pᵀ·dL/dθ, then dL/dθ = 0. */
    private void pullBack(Tape tape) {
        Parameters.gradientsTo(innerParams, gradTheta, 0);
        for (Tensor p : innerParams) {
            p.zeroGrad();
        }
        projection.projectTranspose(gradTheta, gradOmega, scratch);
        float[] g = tape.grad(omega);
        for (int j = 0; j < g.length; j++) {
            g[j] += gradOmega[j];
        }
    }

    /** Writes θ(ω) into the wrapped module's parameters unless ω is unchanged since the last time. */
    private void syncTheta() {
        float[] w = omega.data();
        if (projected && Arrays.equals(w, projectedOmega)) {
            return;
        }
        projection.project(w, theta, scratch);
        if (theta0 != null) {
            for (int i = 0; i < theta.length; i++) {
                theta[i] += theta0[i];
            }
        }
        Parameters.copyFrom(theta, 0, innerParams);
        System.arraycopy(w, 0, projectedOmega, 0, w.length);
        projected = true;
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    @Override
    public Module train(boolean training) {
        inner.train(training);
        return this;
    }

    /** The trainable ω (shape [d]). */
    public Tensor omega() {
        return omega;
    }

    /** The wrapped module; its parameters hold θ(ω) as of the last forward pass or {@link #theta()} call. */
    public Module inner() {
        return inner;
    }

    public Projection projection() {
        return projection;
    }

    public SubspaceMode mode() {
        return mode;
    }

    /** A copy of the current θ(ω) (also written into the wrapped module). */
    public float[] theta() {
        syncTheta();
        return theta.clone();
    }

    /** d, the number of trainable values. */
    public int dimension() {
        return projection.dimension();
    }

    /** D, the wrapped module's parameter count. */
    public int ambientDimension() {
        return projection.ambientDimension();
    }

    @Override
    public String toString() {
        return "Subspace(" + projection + ", " + mode.name().toLowerCase() + ", " + inner + ")";
    }
}
