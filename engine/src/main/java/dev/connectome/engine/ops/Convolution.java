package dev.connectome.engine.ops;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.kernel.ConvGeometry;
import dev.connectome.engine.kernel.DepthwiseConv;
import dev.connectome.engine.kernel.Im2Col;
import dev.connectome.engine.kernel.Sgemm;
import java.util.Arrays;

/**
 * 2-D convolution (cross-correlation, as in PyTorch) of NCHW batches, forward and backward.
 *
 * <p>Per sample and group, the output [Og, OH·OW] is the product of the weight [Og, Cg·KH·KW] and
 * the im2col matrix [Cg·KH·KW, OH·OW] of the input, computed by the packed {@link Sgemm}; a 1×1
 * stride-1 convolution multiplies the input planes directly. Convolutions with one input channel
 * per group (depthwise) use a direct loop ({@link DepthwiseConv}), where a GEMM of depth KH·KW
 * would be mostly overhead.
 *
 * <p>Samples are spread over the tape's threads, each running single-threaded GEMMs on its own
 * im2col buffer; the weight gradient is summed per thread, transposed ([Cg·KH·KW, Og], so that
 * the column matrix is the GEMM's untransposed A operand), and then reduced. Same-size stride-1
 * planes up to 16 wide use the masked-vector im2col ({@link Im2Col#im2colSameSize}). The im2col matrix is
 * recomputed in the backward pass rather than kept: keeping it would cost KH·KW times the input's
 * memory for every layer of a network. All buffers come from the tape's arena.
 */
public final class Convolution {
    private Convolution() {
    }

    /**
     * Convolves x [N, C, H, W] with w [O, C/groups, KH, KW] (plus bias [O] when not null), with the
     * given stride and symmetric zero padding: the result is [N, O, OH, OW].
     */
    public static Tensor conv2d(Tape tape, Tensor x, Tensor w, Tensor bias, int stride, int padding, int groups) {
        Checks.rank(x, 4, "conv2d");
        Checks.rank(w, 4, "conv2d weight");
        int n = x.dim(0), c = x.dim(1), o = w.dim(0);
        if (groups <= 0 || c % groups != 0 || o % groups != 0) {
            throw new IllegalArgumentException("conv2d: groups=" + groups + " must divide input channels " + c
                    + " and output channels " + o);
        }
        if (w.dim(1) != c / groups) {
            throw new IllegalArgumentException("conv2d: weight " + Checks.shape(w) + " needs " + (c / groups)
                    + " input channels per group for input " + Checks.shape(x) + " with groups=" + groups);
        }
        if (bias != null && !bias.hasShape(o)) {
            throw new IllegalArgumentException("conv2d: bias must be [" + o + "], got " + Checks.shape(bias));
        }
        ConvGeometry geo = new ConvGeometry(c / groups, x.dim(2), x.dim(3), w.dim(2), w.dim(3), stride, padding);
        Layout l = new Layout(n, c, o, groups, geo);
        boolean needs = tape.recording() && (x.requiresGrad() || w.requiresGrad() || bias != null && bias.requiresGrad());
        Tensor out = tape.output(needs, n, o, geo.outHeight(), geo.outWidth());
        if (geo.channels() == 1) {
            DepthwiseConv.forward(x.data(), w.data(), bias == null ? null : bias.data(), out.data(), geo, n, groups,
                    l.groupOut(), tape.parallelism());
        } else {
            forward(tape, x.data(), w.data(), bias == null ? null : bias.data(), out.data(), l);
        }
        tape.record(out, g -> {
            if (geo.channels() == 1) {
                DepthwiseConv.backward(x.data(), w.data(), g, x.requiresGrad() ? tape.grad(x) : null,
                        w.requiresGrad() ? tape.grad(w) : null,
                        bias != null && bias.requiresGrad() ? tape.grad(bias) : null, geo, n, groups, l.groupOut(),
                        tape.parallelism());
            } else {
                backward(tape, x, w, bias, g, l);
            }
        });
        return out;
    }

    /** Sizes of one conv2d call. */
    record Layout(int batch, int inChannels, int outChannels, int groups, ConvGeometry geo) {
        int groupOut() {
            return outChannels / groups;
        }

        int inPlane() {
            return geo.height() * geo.width();
        }

        int outPlane() {
            return geo.outHeight() * geo.outWidth();
        }

        int inSample() {
            return inChannels * inPlane();
        }

        int outSample() {
            return outChannels * outPlane();
        }

        /** How many tasks the batch is cut into: one per thread share, none smaller than a sample. */
        int tasks(Parallelism par) {
            return par.threads() == 1 ? 1 : Math.min(batch, 4 * par.threads());
        }

        int from(int task, int tasks) {
            return (int) ((long) batch * task / tasks);
        }
    }

    private static void forward(Tape tape, float[] x, float[] w, float[] bias, float[] out, Layout l) {
        ConvGeometry geo = l.geo();
        Parallelism par = tape.parallelism();
        int tasks = l.tasks(par);
        int colLd = Im2Col.leadingDimension(l.outPlane());
        int colSize = geo.isPointwise() ? 0 : geo.patchSize() * colLd;
        float[] cols = colSize == 0 ? null : tape.scratch(colSize * tasks);
        Unfold unfold = colSize == 0 ? null : Unfold.of(tape, geo);
        // With fewer samples than threads, let the GEMM itself use the threads.
        Parallelism inner = tasks == 1 ? par : Parallelism.single();
        par.forEach(tasks, t -> {
            for (int s = l.from(t, tasks); s < l.from(t + 1, tasks); s++) {
                forwardSample(x, w, bias, out, l, s, unfold, cols, t * colSize, colLd, inner);
            }
        });
    }

    /** The im2col of one geometry, with the validity table of the same-size fast path when it applies. */
    private record Unfold(ConvGeometry geo, float[] table) {
        static Unfold of(Tape tape, ConvGeometry geo) {
            // The masked path wins on narrow planes (8×8: 2.5× faster), where the general path
            // spends its time on per-row edges; from 32 columns on the plain row copies are faster.
            if (!Im2Col.isSameSize(geo) || geo.width() > 16) {
                return new Unfold(geo, null);
            }
            float[] table = tape.scratch(Im2Col.sameSizeTableSize(geo));
            Im2Col.sameSizeTable(geo, table, 0);
            return new Unfold(geo, table);
        }

        void into(float[] x, int xOff, float[] col, int colOff, int ld) {
            if (table != null) {
                Im2Col.im2colSameSize(x, xOff, geo, table, 0, col, colOff, ld);
            } else {
                Im2Col.im2col(x, xOff, geo, col, colOff, ld);
            }
        }
    }

    private static void forwardSample(float[] x, float[] w, float[] bias, float[] out, Layout l, int s,
                                      Unfold unfold, float[] cols, int colOff, int colLd, Parallelism par) {
        ConvGeometry geo = l.geo();
        int og = l.groupOut(), k = geo.patchSize(), p = l.outPlane();
        int outBase = s * l.outSample();
        float beta = 0f;
        if (bias != null) { // start from the bias and let the GEMM accumulate onto it
            for (int ch = 0; ch < l.outChannels(); ch++) {
                Arrays.fill(out, outBase + ch * p, outBase + (ch + 1) * p, bias[ch]);
            }
            beta = 1f;
        }
        for (int g = 0; g < l.groups(); g++) {
            int xOff = s * l.inSample() + g * geo.channels() * l.inPlane();
            float[] b = x;
            int bOff = xOff, ldb = p;
            if (cols != null) {
                unfold.into(x, xOff, cols, colOff, colLd);
                b = cols;
                bOff = colOff;
                ldb = colLd;
            }
            Sgemm.gemm(false, false, og, p, k, w, g * og * k, k, b, bOff, ldb, beta, out, outBase + g * og * p, p, par);
        }
    }

    private static void backward(Tape tape, Tensor x, Tensor w, Tensor bias, float[] gy, Layout l) {
        ConvGeometry geo = l.geo();
        Parallelism par = tape.parallelism();
        int tasks = l.tasks(par);
        boolean wantX = x.requiresGrad(), wantW = w.requiresGrad(), wantB = bias != null && bias.requiresGrad();
        int colLd = Im2Col.leadingDimension(l.outPlane());
        int colSize = geo.isPointwise() ? 0 : geo.patchSize() * colLd;
        float[] cols = colSize == 0 || !(wantW || wantX && !transposedInputGradient(geo)) ? null
                : tape.scratch(colSize * tasks);
        float[] gx = wantX ? tape.grad(x) : null;
        // For stride 1, dX is the convolution of dY with the flipped, transposed weights: im2col of
        // dY and one more GEMM, instead of a scatter-add (col2im) of a whole column matrix.
        ConvGeometry gyGeo = wantX && transposedInputGradient(geo)
                ? new ConvGeometry(l.groupOut(), geo.outHeight(), geo.outWidth(), geo.kernelHeight(), geo.kernelWidth(),
                        1, geo.kernelHeight() - 1 - geo.padding())
                : null;
        int gyLd = Im2Col.leadingDimension(l.inPlane());
        int gyColSize = gyGeo == null ? 0 : gyGeo.patchSize() * gyLd;
        float[] gyCols = gyGeo == null ? null : tape.scratch(gyColSize * tasks);
        float[] flipped = gyGeo == null ? null : flipTransposed(w.data(), l, tape.scratch(w.size()));
        Unfold unfold = cols == null ? null : Unfold.of(tape, geo);
        Unfold gyUnfold = gyGeo == null ? null : Unfold.of(tape, gyGeo);
        int wSize = w.size(), o = l.outChannels();
        // One task accumulates straight into the gradients; several use partial sums reduced below.
        // Per task, the transposed weight gradient [Cg·KH·KW, Og] of every group (see backwardSample).
        float[] gw = !wantW ? null : zeroed(tape.scratch(wSize * tasks));
        float[] gb = !wantB ? null : tasks == 1 ? tape.grad(bias) : zeroed(tape.scratch(o * tasks));
        Parallelism inner = tasks == 1 ? par : Parallelism.single();
        float[] wd = w.data(), xd = x.data();
        par.forEach(tasks, t -> {
            int gwOff = t * wSize;
            int gbOff = tasks == 1 ? 0 : t * o;
            for (int s = l.from(t, tasks); s < l.from(t + 1, tasks); s++) {
                backwardSample(xd, wd, gy, gx, gw, gwOff, gb, gbOff, l, s, unfold, cols, t * colSize, colLd, wantW,
                        inner);
                if (gyGeo != null) {
                    transposedSample(gy, flipped, gx, l, s, gyUnfold, gyCols, t * gyColSize, gyLd, inner);
                }
            }
        });
        if (wantW) {
            reduceTransposed(gw, tasks, l, tape.grad(w));
        }
        if (tasks > 1) {
            if (wantB) {
                reduce(gb, o, tasks, tape.grad(bias));
            }
        }
    }

    private static void backwardSample(float[] x, float[] w, float[] gy, float[] gx, float[] gw, int gwOff,
                                       float[] gb, int gbOff, Layout l, int s, Unfold unfold, float[] cols, int colOff,
                                       int colLd, boolean wantW, Parallelism par) {
        ConvGeometry geo = l.geo();
        int og = l.groupOut(), k = geo.patchSize(), p = l.outPlane();
        int gyBase = s * l.outSample();
        if (gb != null) {
            for (int ch = 0; ch < l.outChannels(); ch++) {
                double sum = 0;
                for (int i = gyBase + ch * p, e = i + p; i < e; i++) {
                    sum += gy[i];
                }
                gb[gbOff + ch] += (float) sum;
            }
        }
        for (int g = 0; g < l.groups(); g++) {
            int xOff = s * l.inSample() + g * geo.channels() * l.inPlane();
            int gyOff = gyBase + g * og * p;
            int wOff = g * og * k;
            if (wantW) {
                // dW_gᵀ += col · dY_gᵀ: col is the plain, row-copied A operand and only the small
                // dY_g is packed transposed (dW_g += dY_g · colᵀ would transpose all of col).
                float[] b = x;
                int bOff = xOff, ldb = p;
                if (cols != null) {
                    unfold.into(x, xOff, cols, colOff, colLd);
                    b = cols;
                    bOff = colOff;
                    ldb = colLd;
                }
                Sgemm.gemm(false, true, k, og, p, b, bOff, ldb, gy, gyOff, p, 1f, gw, gwOff + wOff, og, par);
            }
            if (gx != null && !transposedInputGradient(geo)) { // dcol = W_gᵀ · dY_g, folded back into dX
                if (cols == null) {
                    Sgemm.gemm(true, false, k, p, og, w, wOff, k, gy, gyOff, p, 1f, gx, xOff, p, par);
                } else {
                    Sgemm.gemm(true, false, k, p, og, w, wOff, k, gy, gyOff, p, 0f, cols, colOff, colLd, par);
                    Im2Col.col2im(cols, colOff, colLd, geo, gx, xOff);
                }
            }
        }
    }

    /** Whether dX is computed as a stride-1 convolution of dY (square kernel, padding below the kernel). */
    private static boolean transposedInputGradient(ConvGeometry geo) {
        return geo.stride() == 1 && !geo.isPointwise() && geo.kernelHeight() == geo.kernelWidth()
                && geo.padding() <= geo.kernelHeight() - 1;
    }

    /**
     * Per group, the weights as [Cg, Og·KH·KW] with each kernel rotated by 180°: the weights of
     * the convolution that maps dY back to dX.
     */
    private static float[] flipTransposed(float[] w, Layout l, float[] into) {
        ConvGeometry geo = l.geo();
        int cg = geo.channels(), og = l.groupOut(), kh = geo.kernelHeight(), kw = geo.kernelWidth(), kk = kh * kw;
        for (int g = 0; g < l.groups(); g++) {
            int base = g * cg * og * kk;
            for (int o = 0; o < og; o++) {
                for (int c = 0; c < cg; c++) {
                    int src = ((g * og + o) * cg + c) * kk;
                    int dst = base + c * og * kk + o * kk;
                    for (int i = 0; i < kk; i++) {
                        into[dst + i] = w[src + kk - 1 - i];
                    }
                }
            }
        }
        return into;
    }

    /** dX_g += flip(W_g)ᵀ ⊛ dY_g for one sample (stride 1). */
    private static void transposedSample(float[] gy, float[] flipped, float[] gx, Layout l, int s, Unfold gyUnfold,
                                         float[] cols, int colOff, int ld, Parallelism par) {
        ConvGeometry geo = l.geo();
        int cg = geo.channels(), og = l.groupOut(), k = gyUnfold.geo().patchSize(), ip = l.inPlane();
        for (int g = 0; g < l.groups(); g++) {
            gyUnfold.into(gy, s * l.outSample() + g * og * l.outPlane(), cols, colOff, ld);
            Sgemm.gemm(false, false, cg, ip, k, flipped, g * cg * k, k, cols, colOff, ld, 1f,
                    gx, s * l.inSample() + g * cg * ip, ip, par);
        }
    }

    static float[] zeroed(float[] a) {
        Arrays.fill(a, 0f);
        return a;
    }

    /**
     * {@code into += Σ_t parts_t} where each part holds, per group, the transposed gradient
     * [Cg·KH·KW, Og] and {@code into} is the weight gradient [O, Cg·KH·KW].
     */
    private static void reduceTransposed(float[] parts, int count, Layout l, float[] into) {
        int og = l.groupOut(), k = l.geo().patchSize(), size = l.outChannels() * k;
        for (int g = 0; g < l.groups(); g++) {
            int base = g * og * k;
            for (int o = 0; o < og; o++) {
                for (int r = 0; r < k; r++) {
                    float sum = 0f;
                    for (int t = 0; t < count; t++) {
                        sum += parts[t * size + base + r * og + o];
                    }
                    into[base + o * k + r] += sum;
                }
            }
        }
    }

    /** {@code into[i] += Σ_t parts[t·size + i]}. */
    static void reduce(float[] parts, int size, int count, float[] into) {
        for (int t = 0; t < count; t++) {
            int off = t * size;
            for (int i = 0; i < size; i++) {
                into[i] += parts[off + i];
            }
        }
    }
}
