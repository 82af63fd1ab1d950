package dev.connectome.nas.chain;

import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Convolution;
import dev.connectome.engine.ops.Masking;
import dev.connectome.engine.Tape;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A KH×KW convolution with "same" padding, no bias (batch norm follows). The engine's conv pads
 * symmetrically, so the kernel is held centred in a K×K square (K = max(KH, KW), odd) whose outside
 * entries are multiplied by a constant zero mask: padding K/2 then pads KH/2 rows and KW/2 columns in
 * effect, as TensorFlow's SAME padding the NAS paper used. Masked entries get zero gradient.
 */
public final class RectConv2d implements Module {
    private final int in;
    private final int out;
    private final int kh;
    private final int kw;
    private final int stride;
    private final int k;
    private final Tensor weight;
    private final Tensor mask;

    public RectConv2d(int in, int out, int kh, int kw, int stride, RandomGenerator rng) {
        if (in < 1 || out < 1 || kh < 1 || kw < 1 || stride < 1 || kh % 2 == 0 || kw % 2 == 0) {
            throw new IllegalArgumentException("RectConv2d needs positive sizes and odd kernel sides, got in=" + in
                    + " out=" + out + " kernel=" + kh + "x" + kw + " stride=" + stride);
        }
        this.in = in;
        this.out = out;
        this.kh = kh;
        this.kw = kw;
        this.stride = stride;
        this.k = Math.max(kh, kw);
        int fanIn = in * kh * kw;
        float[] real = new float[out * fanIn];
        Init.heNormal().fill(real, fanIn, out * kh * kw, rng);
        float[] w = new float[out * in * k * k];
        float[] m = new float[w.length];
        int r0 = (k - kh) / 2, c0 = (k - kw) / 2, p = 0;
        for (int o = 0; o < out * in; o++) {
            for (int r = 0; r < kh; r++) {
                for (int c = 0; c < kw; c++) {
                    int at = o * k * k + (r0 + r) * k + c0 + c;
                    w[at] = real[p++];
                    m[at] = 1f;
                }
            }
        }
        this.weight = Tensor.parameter(w, out, in, k, k);
        this.mask = Tensor.of(m, out, in, k, k);
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.rank() != 4 || x.dim(1) != in) {
            throw new IllegalArgumentException(this + " expects input [N, " + in + ", H, W], got " + x);
        }
        Tensor w = Masking.maskedMultiply(tape, weight, mask);
        return Convolution.conv2d(tape, x, w, null, stride, k / 2, 1);
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return Map.of("weight", weight);
    }

    public Tensor weight() {
        return weight;
    }

    @Override
    public String toString() {
        return "RectConv2d(" + in + "->" + out + ", " + kh + "x" + kw + ", stride " + stride + ")";
    }
}
