package dev.connectome.engine.ops;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.kernel.ChannelPlanes;

/**
 * Batch normalisation (Ioffe &amp; Szegedy 2015) over the channel axis of [N, C, H, W] (or [N, C])
 * batches, forward and backward, with PyTorch's conventions: training normalises with the batch
 * mean and the biased batch variance, and moves the running statistics towards the batch mean and
 * the unbiased variance by {@code momentum}; evaluation normalises with the running statistics.
 *
 * <p>Work is split by channel: each channel's statistics, outputs and gradients are its own; the
 * per-channel passes are vectorised ({@link ChannelPlanes}).
 */
public final class Normalization {
    private Normalization() {
    }

    /**
     * {@code y = gamma·(x − mean)/√(var + eps) + beta} per channel.
     *
     * @param gamma       scale [C], or null when not affine (then 1)
     * @param beta        shift [C], or null when not affine (then 0)
     * @param runningMean running mean [C], updated in place in training; null to keep none
     * @param runningVar  running variance [C], updated in place in training; null to keep none
     * @param training    batch statistics (true) or the running ones (false; without running
     *                    statistics the batch statistics are used, as PyTorch does)
     * @param momentum    weight of the new batch statistic in the running average (PyTorch: 0.1)
     * @param eps         added to the variance (PyTorch: 1e-5)
     */
    public static Tensor batchNorm2d(Tape tape, Tensor x, Tensor gamma, Tensor beta, float[] runningMean,
                                     float[] runningVar, boolean training, float momentum, float eps) {
        if (x.rank() != 4 && x.rank() != 2) {
            throw new IllegalArgumentException("batchNorm2d: expected [N, C, H, W] or [N, C], got " + Checks.shape(x));
        }
        int n = x.dim(0), c = x.dim(1), plane = x.rank() == 4 ? x.dim(2) * x.dim(3) : 1;
        checkChannels(gamma, c, "gamma");
        checkChannels(beta, c, "beta");
        if ((runningMean == null) != (runningVar == null)) {
            throw new IllegalArgumentException("batchNorm2d: give both running mean and variance, or neither");
        }
        if (runningMean != null && (runningMean.length != c || runningVar.length != c)) {
            throw new IllegalArgumentException("batchNorm2d: running statistics have " + runningMean.length + "/"
                    + runningVar.length + " values for " + c + " channels");
        }
        if (!(eps > 0) || !(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("batchNorm2d: need eps > 0 and momentum in [0, 1], got eps=" + eps
                    + " momentum=" + momentum);
        }
        long m = (long) n * plane;
        boolean batchStats = training || runningMean == null;
        if (batchStats && m < 2 && training) {
            throw new IllegalArgumentException("batchNorm2d: training needs more than one value per channel, got "
                    + Checks.shape(x));
        }
        boolean needs = tape.recording()
                && (x.requiresGrad() || gamma != null && gamma.requiresGrad() || beta != null && beta.requiresGrad());
        Tensor out = tape.output(needs, x.shape());
        // Per channel: mean and 1/√(var + eps) of whichever statistics normalise.
        float[] mean = tape.scratch(c), inv = tape.scratch(c);
        float[] xd = x.data(), yd = out.data();
        float[] gd = gamma == null ? null : gamma.data(), bd = beta == null ? null : beta.data();
        int sample = c * plane;
        tape.parallelism().forEach(c, ch -> {
            double mu, var;
            int off = ch * plane;
            if (batchStats) {
                mu = ChannelPlanes.sum(xd, off, sample, n, plane) / m;
                // two passes: no cancellation for large means
                double q = ChannelPlanes.squaredDeviations(xd, off, sample, n, plane, (float) mu);
                var = q / m;
                if (training && runningMean != null) {
                    runningMean[ch] = (float) ((1 - momentum) * runningMean[ch] + momentum * mu);
                    runningVar[ch] = (float) ((1 - momentum) * runningVar[ch] + momentum * q / (m - 1));
                }
            } else {
                mu = runningMean[ch];
                var = runningVar[ch];
            }
            float fm = (float) mu, fi = (float) (1 / Math.sqrt(var + eps));
            mean[ch] = fm;
            inv[ch] = fi;
            float scale = gd == null ? fi : gd[ch] * fi, shift = bd == null ? 0f : bd[ch];
            ChannelPlanes.affine(xd, yd, off, sample, n, plane, fm, scale, shift);
        });
        tape.record(out, g -> {
            float[] gx = x.requiresGrad() ? tape.grad(x) : null;
            float[] gg = gamma != null && gamma.requiresGrad() ? tape.grad(gamma) : null;
            float[] gb = beta != null && beta.requiresGrad() ? tape.grad(beta) : null;
            double[] sums = new double[2 * c];
            tape.parallelism().forEach(c, ch -> {
                float fm = mean[ch], fi = inv[ch];
                int off = ch * plane;
                // Σ dy and Σ dy·x̂ over the channel
                ChannelPlanes.gradientSums(g, xd, off, sample, n, plane, fm, sums, 2 * ch);
                double sdy = sums[2 * ch], sdyx = sums[2 * ch + 1] * fi;
                if (gg != null) {
                    gg[ch] += (float) sdyx;
                }
                if (gb != null) {
                    gb[ch] += (float) sdy;
                }
                if (gx == null) {
                    return;
                }
                float scale = gd == null ? fi : gd[ch] * fi;
                if (batchStats) {
                    // x̂ depends on x through the mean and variance as well:
                    // dx = γ/σ · (dy − mean(dy) − x̂·mean(dy·x̂)), linear in dy and x.
                    float a = (float) (sdy / m), b = (float) (sdyx / m);
                    ChannelPlanes.addLinear(g, xd, gx, off, sample, n, plane, scale, -scale * fi * b, fm, -scale * a);
                } else {
                    ChannelPlanes.addLinear(g, xd, gx, off, sample, n, plane, scale, 0f, 0f, 0f);
                }
            });
        });
        return out;
    }

    private static void checkChannels(Tensor t, int c, String what) {
        if (t != null && !t.hasShape(c)) {
            throw new IllegalArgumentException("batchNorm2d: " + what + " must be [" + c + "], got " + Checks.shape(t));
        }
    }
}
