package dev.connectome.engine.nn;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Convolution;
import dev.connectome.engine.ops.Normalization;
import dev.connectome.engine.ops.ShapeOps;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Instance normalisation over each sample's channel plane of [N, C, H, W] batches, PyTorch's
 * {@code nn.InstanceNorm2d} without running statistics (its default): every (sample, channel) plane
 * is normalised by its own mean and biased variance, in training and evaluation alike; with
 * {@code affine} a per-channel scale "weight" (starts at 1) and shift "bias" (starts at 0) follow.
 *
 * <p>Built from gradient-checked ops: the planes are batch-normalised as the N·C channels of one
 * sample, and the affine part is a depthwise 1×1 convolution with bias.
 */
public final class InstanceNorm2d implements Module {
    private final int channels;
    private final float eps;
    private final Tensor weight; // [C, 1, 1, 1], null when not affine
    private final Tensor bias;   // [C]
    private final Map<String, Tensor> params = new LinkedHashMap<>();

    /** eps 1e-5, as PyTorch. */
    public InstanceNorm2d(int channels, boolean affine) {
        this(channels, affine, BatchNorm2d.DEFAULT_EPS);
    }

    public InstanceNorm2d(int channels, boolean affine, float eps) {
        if (channels <= 0 || !(eps > 0)) {
            throw new IllegalArgumentException("InstanceNorm2d needs channels > 0 and eps > 0, got " + channels + ", "
                    + eps);
        }
        this.channels = channels;
        this.eps = eps;
        if (affine) {
            float[] ones = new float[channels];
            Arrays.fill(ones, 1f);
            weight = Tensor.parameter(ones, channels, 1, 1, 1);
            bias = Tensor.parameter(new float[channels], channels);
            params.put("weight", weight);
            params.put("bias", bias);
        } else {
            weight = null;
            bias = null;
        }
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.rank() != 4 || x.dim(1) != channels) {
            throw new IllegalArgumentException("InstanceNorm2d(" + channels + ") expects [N, " + channels
                    + ", H, W], got " + Arrays.toString(x.shape()));
        }
        int n = x.dim(0), h = x.dim(2), w = x.dim(3);
        if (h * w < 2) {
            throw new IllegalArgumentException("InstanceNorm2d needs more than one value per plane, got " + h + "×"
                    + w);
        }
        Tensor planes = ShapeOps.reshape(tape, x, 1, n * channels, h, w);
        Tensor normed = Normalization.batchNorm2d(tape, planes, null, null, null, null, true, 0f, eps);
        Tensor y = ShapeOps.reshape(tape, normed, n, channels, h, w);
        return weight == null ? y : Convolution.conv2d(tape, y, weight, bias, 1, 0, channels);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    public int channels() {
        return channels;
    }
}
