package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Normalization;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Batch normalisation over the channels of [N, C, H, W] (or [N, C]) batches, PyTorch's
 * {@code nn.BatchNorm2d}: scale "weight" (γ, starts at 1) and shift "bias" (β, starts at 0) when
 * affine; running mean (starts at 0) and variance (starts at 1) when tracking running statistics.
 * In training mode (the default) it normalises with batch statistics and updates the running ones;
 * in eval mode it uses the running ones.
 *
 * <p>The running statistics are mutable state: one instance must not run forward passes in
 * training mode from two threads at once.
 */
public final class BatchNorm2d implements Module {
    /** PyTorch's defaults. */
    public static final float DEFAULT_MOMENTUM = 0.1f;
    public static final float DEFAULT_EPS = 1e-5f;

    private final int channels;
    private final Tensor gamma;
    private final Tensor beta;
    private final float[] runningMean;
    private final float[] runningVar;
    private final float momentum;
    private final float eps;
    private final Map<String, Tensor> params;
    private volatile boolean training = true;

    /** Tracks running statistics, with momentum 0.1 and eps 1e-5. */
    public BatchNorm2d(int channels, boolean affine) {
        this(channels, affine, true, DEFAULT_MOMENTUM, DEFAULT_EPS);
    }

    /**
     * @param trackRunningStats keep running statistics; without them eval mode also uses batch statistics
     */
    public BatchNorm2d(int channels, boolean affine, boolean trackRunningStats, float momentum, float eps) {
        if (channels <= 0) {
            throw new IllegalArgumentException("BatchNorm2d needs a positive channel count, got " + channels);
        }
        this.channels = channels;
        this.momentum = momentum;
        this.eps = eps;
        if (affine) {
            float[] ones = new float[channels];
            Arrays.fill(ones, 1f);
            this.gamma = Tensor.parameter(ones, channels);
            this.beta = Tensor.parameter(new float[channels], channels);
        } else {
            this.gamma = null;
            this.beta = null;
        }
        if (trackRunningStats) {
            this.runningMean = new float[channels];
            this.runningVar = new float[channels];
            Arrays.fill(runningVar, 1f);
        } else {
            this.runningMean = null;
            this.runningVar = null;
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        if (affine) {
            m.put("weight", gamma);
            m.put("bias", beta);
        }
        this.params = Collections.unmodifiableMap(m);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if ((x.rank() != 4 && x.rank() != 2) || x.dim(1) != channels) {
            throw new IllegalArgumentException(this + " expects input [N, " + channels + ", H, W], got " + x);
        }
        return Normalization.batchNorm2d(tape, x, gamma, beta, runningMean, runningVar, training, momentum, eps);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    @Override
    public BatchNorm2d train(boolean training) {
        this.training = training;
        return this;
    }

    public boolean isTraining() {
        return training;
    }

    public int channels() {
        return channels;
    }

    /** γ, or {@code null} when not affine. */
    public Tensor weight() {
        return gamma;
    }

    /** β, or {@code null} when not affine. */
    public Tensor bias() {
        return beta;
    }

    /** The running mean (live, mutable), or {@code null} when not tracking running statistics. */
    public float[] runningMean() {
        return runningMean;
    }

    /** The running variance (live, mutable), or {@code null} when not tracking running statistics. */
    public float[] runningVar() {
        return runningVar;
    }

    /** The constant added to the variance before the square root. */
    public float eps() {
        return eps;
    }

    /** The weight of the newest batch in the running statistics. */
    public float momentum() {
        return momentum;
    }

    @Override
    public String toString() {
        return "BatchNorm2d(" + channels + (gamma == null ? ", not affine" : "")
                + (runningMean == null ? ", no running stats" : "") + ")";
    }
}
