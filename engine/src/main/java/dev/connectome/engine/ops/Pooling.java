package dev.connectome.engine.ops;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.kernel.ConvGeometry;
import dev.connectome.engine.kernel.Im2Col;
import dev.connectome.engine.kernel.PoolKernels;
import java.util.function.IntConsumer;

/**
 * Spatial pooling of NCHW batches, forward and backward. Output sizes round down as in PyTorch
 * (ceil_mode=False). Work is split by plane (sample × channel); planes are independent, so threads
 * never write the same value.
 */
public final class Pooling {
    /** Planes per task, so that small planes still make tasks worth a thread handoff. */
    private static final int MIN_TASK_FLOATS = 1 << 14;

    private Pooling() {
    }

    /**
     * Average pooling with a kernel×kernel window. Padding positions are not counted in the average
     * (PyTorch's {@code count_include_pad=False}, which NAS-Bench-201's avg_pool_3x3 uses).
     */
    public static Tensor avgPool2d(Tape tape, Tensor x, int kernel, int stride, int padding) {
        ConvGeometry geo = geometry(x, kernel, stride, padding, "avgPool2d");
        int planes = x.dim(0) * x.dim(1), ip = geo.height() * geo.width();
        int oh = geo.outHeight(), ow = geo.outWidth(), op = oh * ow;
        Tensor out = tape.output(tape.needsGrad(x), x.dim(0), x.dim(1), oh, ow);
        // 1 / (number of window positions inside the image), the same for every plane.
        float[] inv = tape.scratch(op);
        for (int y = 0; y < oh; y++) {
            int rows = span(y, geo.stride(), geo.padding(), kernel, geo.height());
            for (int z = 0; z < ow; z++) {
                inv[y * ow + z] = 1f / (rows * span(z, geo.stride(), geo.padding(), kernel, geo.width()));
            }
        }
        float[] xd = x.data(), yd = out.data();
        if (Im2Col.isSameSize(geo)) {
            // NB201's 3×3/1 pad 1: masked vector taps, bitwise the same sums as the loop below.
            float[] table = tape.scratch(Im2Col.sameSizeTableSize(geo));
            Im2Col.sameSizeTable(geo, table, 0);
            byPlaneRange(tape.parallelism(), planes, ip, (from, to) ->
                    PoolKernels.avgSameSize(xd, from * ip, to - from, geo, table, inv, yd, from * op));
        } else {
            byPlane(tape.parallelism(), planes, ip, pl -> {
                int xo = pl * ip, yo = pl * op;
                for (int y = 0; y < oh; y++) {
                    int h0 = Math.max(0, y * stride - padding), h1 = Math.min(geo.height(), y * stride - padding + kernel);
                    for (int z = 0; z < ow; z++) {
                        int w0 = Math.max(0, z * stride - padding), w1 = Math.min(geo.width(), z * stride - padding + kernel);
                        float s = 0;
                        for (int h = h0; h < h1; h++) {
                            for (int w = w0, r = xo + h * geo.width(); w < w1; w++) {
                                s += xd[r + w];
                            }
                        }
                        yd[yo + y * ow + z] = s * inv[y * ow + z];
                    }
                }
            });
        }
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            byPlane(tape.parallelism(), planes, ip, pl -> {
                int xo = pl * ip, yo = pl * op;
                for (int y = 0; y < oh; y++) {
                    int h0 = Math.max(0, y * stride - padding), h1 = Math.min(geo.height(), y * stride - padding + kernel);
                    for (int z = 0; z < ow; z++) {
                        int w0 = Math.max(0, z * stride - padding), w1 = Math.min(geo.width(), z * stride - padding + kernel);
                        float v = g[yo + y * ow + z] * inv[y * ow + z];
                        for (int h = h0; h < h1; h++) {
                            for (int w = w0, r = xo + h * geo.width(); w < w1; w++) {
                                gx[r + w] += v;
                            }
                        }
                    }
                }
            });
        });
        return out;
    }

    /**
     * Max pooling with a kernel×kernel window; padding counts as −∞ (never the max). The gradient
     * goes to the first maximal position of each window (ties: lowest row, then column).
     */
    public static Tensor maxPool2d(Tape tape, Tensor x, int kernel, int stride, int padding) {
        ConvGeometry geo = geometry(x, kernel, stride, padding, "maxPool2d");
        if (padding * 2 > kernel) {
            throw new IllegalArgumentException("maxPool2d: padding " + padding + " must be at most half the kernel " + kernel);
        }
        int planes = x.dim(0) * x.dim(1), ip = geo.height() * geo.width();
        int oh = geo.outHeight(), ow = geo.outWidth(), op = oh * ow;
        boolean needs = tape.needsGrad(x);
        Tensor out = tape.output(needs, x.dim(0), x.dim(1), oh, ow);
        // Index of the max within its plane, kept as float (exact below 2^24 values per plane).
        float[] arg = needs ? tape.scratch(out.size()) : null;
        float[] xd = x.data(), yd = out.data();
        byPlane(tape.parallelism(), planes, ip, pl -> {
            int xo = pl * ip, yo = pl * op;
            for (int y = 0; y < oh; y++) {
                int h0 = Math.max(0, y * stride - padding), h1 = Math.min(geo.height(), y * stride - padding + kernel);
                for (int z = 0; z < ow; z++) {
                    int w0 = Math.max(0, z * stride - padding), w1 = Math.min(geo.width(), z * stride - padding + kernel);
                    float best = Float.NEGATIVE_INFINITY;
                    int at = h0 * geo.width() + w0;
                    for (int h = h0; h < h1; h++) {
                        for (int w = w0; w < w1; w++) {
                            float v = xd[xo + h * geo.width() + w];
                            if (v > best || Float.isNaN(v)) { // NaN propagates, as in PyTorch
                                best = v;
                                at = h * geo.width() + w;
                                if (Float.isNaN(v)) {
                                    h = h1;
                                    break;
                                }
                            }
                        }
                    }
                    yd[yo + y * ow + z] = best;
                    if (arg != null) {
                        arg[yo + y * ow + z] = at;
                    }
                }
            }
        });
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            byPlane(tape.parallelism(), planes, ip, pl -> {
                int xo = pl * ip, yo = pl * op;
                for (int i = 0; i < op; i++) {
                    gx[xo + (int) arg[yo + i]] += g[yo + i];
                }
            });
        });
        return out;
    }

    /** The mean of each plane: [N, C, H, W] → [N, C]. */
    public static Tensor globalAvgPool(Tape tape, Tensor x) {
        Checks.rank(x, 4, "globalAvgPool");
        int planes = x.dim(0) * x.dim(1), ip = x.dim(2) * x.dim(3);
        if (ip == 0) {
            throw new IllegalArgumentException("globalAvgPool: empty planes in " + Checks.shape(x));
        }
        Tensor out = tape.output(tape.needsGrad(x), x.dim(0), x.dim(1));
        float[] xd = x.data(), yd = out.data();
        float inv = 1f / ip;
        byPlane(tape.parallelism(), planes, ip, pl -> {
            double s = 0;
            for (int i = pl * ip, e = i + ip; i < e; i++) {
                s += xd[i];
            }
            yd[pl] = (float) (s / ip);
        });
        tape.record(out, g -> {
            float[] gx = tape.grad(x);
            byPlane(tape.parallelism(), planes, ip, pl -> {
                float v = g[pl] * inv;
                for (int i = pl * ip, e = i + ip; i < e; i++) {
                    gx[i] += v;
                }
            });
        });
        return out;
    }

    private static ConvGeometry geometry(Tensor x, int kernel, int stride, int padding, String op) {
        Checks.rank(x, 4, op);
        if (x.dim(0) == 0) {
            throw new IllegalArgumentException(op + ": empty batch " + Checks.shape(x));
        }
        try {
            return new ConvGeometry(x.dim(1), x.dim(2), x.dim(3), kernel, kernel, stride, padding);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + " on " + Checks.shape(x) + ": " + e.getMessage(), e);
        }
    }

    /** How many of the window positions [o·s − p, o·s − p + k) lie in [0, n). */
    private static int span(int o, int s, int p, int k, int n) {
        int a = o * s - p;
        return Math.min(n, a + k) - Math.max(0, a);
    }

    /** A range [from, to) of planes. */
    @FunctionalInterface
    interface PlaneRange {
        void run(int from, int to);
    }

    /** Runs {@code body} on consecutive ranges of whole planes, spread over the threads. */
    static void byPlaneRange(Parallelism par, int planes, int planeSize, PlaneRange body) {
        int per = Math.max(1, MIN_TASK_FLOATS / Math.max(1, planeSize));
        int tasks = (planes + per - 1) / per;
        par.forEach(tasks, t -> body.run(t * per, Math.min(planes, t * per + per)));
    }

    /** Runs {@code body} for every plane, in tasks of whole planes spread over the threads. */
    static void byPlane(Parallelism par, int planes, int planeSize, IntConsumer body) {
        int per = Math.max(1, MIN_TASK_FLOATS / Math.max(1, planeSize));
        int tasks = (planes + per - 1) / per;
        par.forEach(tasks, t -> {
            for (int pl = t * per, e = Math.min(planes, pl + per); pl < e; pl++) {
                body.accept(pl);
            }
        });
    }
}
