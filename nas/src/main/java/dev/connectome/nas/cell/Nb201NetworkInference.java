package dev.connectome.nas.cell;

import dev.connectome.engine.kernel.ChannelPlanes;
import dev.connectome.engine.kernel.ConvForward;
import dev.connectome.engine.kernel.ConvGeometry;
import dev.connectome.engine.kernel.Im2Col;
import dev.connectome.engine.kernel.PoolKernels;
import dev.connectome.engine.kernel.VectorOps;
import dev.connectome.engine.nn.AvgPool2d;
import dev.connectome.engine.nn.BatchNorm2d;
import dev.connectome.engine.nn.Conv2d;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Sequential;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A forward pass of an {@link Nb201Network} (BatchNorm in training mode: batch statistics) that
 * only delivers what training-free scores such as NASWOT read — the input of every ReLU — on the
 * calling thread, without a tape. It computes the same values as the network's tape forward (same
 * kernels, same order of additions, so bitwise equal) but skips work whose result cannot matter:
 *
 * <ul>
 *   <li>the ReLUs of all ReLU-conv edges leaving one node read the same tensor: it is reported
 *       once with their count, and each conv applies the ReLU to its own per-sample copy instead of
 *       a ReLU'd copy of the batch being written and read back;</li>
 *   <li>edges into a node whose value reaches neither the cell output nor a ReLU are not run;</li>
 *   <li>a node with only {@code none} inputs is zero, and so is everything computed from it alone
 *       (ReLU-conv-BN of zero is zero in training mode), so it is carried as "zero" (no buffer);</li>
 *   <li>BatchNorm's affine step is fused with the addition into the node sum; buffers are recycled
 *       within the pass (a tape keeps every intermediate until it is reset);</li>
 *   <li>the running statistics are not updated and the head's pooling and linear layer are not
 *       run (nothing reads them).</li>
 * </ul>
 */
public final class Nb201NetworkInference {
    /** Receives the ReLU inputs of a pass. */
    public interface ReluInputs {
        /**
         * {@code multiplicity} ReLUs read {@code data} ({@code batch} rows of {@code units} values);
         * {@code data} is only valid during the call.
         */
        void accept(float[] data, int units, int multiplicity);

        /** {@code multiplicity} ReLUs read an all-zero input of {@code units} values per sample. */
        void acceptZero(int units, int multiplicity);
    }

    /** A batch of C planes of H×W floats in {@code data}; null data stands for an all-zero tensor. */
    private record Act(float[] data, int channels, int height, int width) {
        int sample() {
            return channels * height * width;
        }

        boolean zero() {
            return data == null;
        }

        Act asZero() {
            return new Act(null, channels, height, width);
        }
    }

    private final int batch;
    private final ReluInputs sink;
    private final BufferPool pool = new BufferPool();
    private float[] scratch = new float[0];

    private Nb201NetworkInference(int batch, ReluInputs sink) {
        this.batch = batch;
        this.sink = sink;
    }

    /**
     * Runs {@code images} ([batch, 3, H, W], not modified) through {@code net} and reports every
     * ReLU input to {@code sink}. The network must have BatchNorm layers in training mode.
     */
    public static void run(Nb201Network net, float[] images, int batch, int height, int width, ReluInputs sink) {
        if (!net.settings().batchNorm()) {
            throw new IllegalArgumentException("NB201 inference pass needs a network with BatchNorm, got " + net);
        }
        if (batch < 2 || (long) batch * 3 * height * width != images.length) {
            throw new IllegalArgumentException("NB201 inference pass: " + images.length + " image values are not "
                    + batch + " × 3 × " + height + " × " + width + " (batch >= 2)");
        }
        new Nb201NetworkInference(batch, sink).forward(net, new Act(images, 3, height, width));
    }

    private void forward(Nb201Network net, Act x) {
        Sequential stem = net.stem();
        Act h = conv(x, (Conv2d) stem.get(0), false);
        batchNorm(h, (BatchNorm2d) stem.get(1), null);
        for (Module block : net.blocks()) {
            h = block instanceof Nb201NetworkCell c ? cell(c, h) : reduction((Nb201NetworkReduction) block, h);
        }
        if (!h.zero()) {
            batchNorm(h, (BatchNorm2d) net.head().get(0), null);
        }
        report(h, 1);
    }

    private Act cell(Nb201NetworkCell module, Act in) {
        Nb201Cell cell = module.cell();
        // needed[j]: node j's value reaches the output or a ReLU; reluEdges[i]: ReLU-conv edges out of i.
        int[] reluEdges = new int[4];
        boolean[] needed = new boolean[4];
        needed[3] = true;
        for (int j = 2; j >= 0; j--) {
            for (int k = j + 1; k <= 3; k++) {
                Nb201Op op = cell.op(edgeIndex(j, k));
                if (op == Nb201Op.NOR_CONV_1X1 || op == Nb201Op.NOR_CONV_3X3) {
                    reluEdges[j]++;
                }
                if (op != Nb201Op.NONE && needed[k]) {
                    needed[j] = true;
                }
            }
            needed[j] |= reluEdges[j] > 0;
        }
        Set<float[]> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        Act[] node = new Act[4];
        node[0] = in;
        if (!in.zero()) {
            owned.add(in.data());
        }
        report(in, reluEdges[0]);
        for (int j = 1; j <= 3; j++) {
            if (!needed[j]) {
                continue;
            }
            Act acc = null;
            boolean accOwned = false;
            for (int i = 0; i < j; i++) {
                Nb201Op op = cell.op(edgeIndex(i, j));
                if (op == Nb201Op.NONE || node[i].zero()) {
                    continue; // adds nothing (an edge of a zero node gives zero)
                }
                Module edge = module.edge(edgeIndex(i, j));
                switch (op) {
                    case SKIP_CONNECT -> {
                        if (acc == null) {
                            acc = node[i];
                        } else {
                            acc = add(acc, accOwned, node[i]);
                            accOwned = true;
                        }
                    }
                    case AVG_POOL_3X3 -> {
                        Act y = avgPool(node[i], (AvgPool2d) edge);
                        if (acc == null) {
                            acc = y;
                        } else {
                            acc = add(y, true, acc);
                        }
                        accOwned = true;
                    }
                    default -> { // ReLU → conv → BN
                        Sequential seq = (Sequential) edge;
                        Act y = conv(node[i], (Conv2d) seq.get(1), true);
                        if (acc != null && accOwned) {
                            batchNorm(y, (BatchNorm2d) seq.get(2), acc);
                            pool.give(y.data());
                        } else {
                            batchNorm(y, (BatchNorm2d) seq.get(2), null);
                            acc = acc == null ? y : add(y, true, acc);
                            accOwned = true;
                        }
                    }
                }
            }
            node[j] = acc == null ? in.asZero() : acc;
            if (acc != null && accOwned) {
                owned.add(acc.data());
            }
            if (j < 3) {
                report(node[j], reluEdges[j]);
            }
        }
        for (float[] b : owned) {
            if (b != node[3].data()) {
                pool.give(b);
            }
        }
        return node[3];
    }

    private Act reduction(Nb201NetworkReduction r, Act x) {
        Conv2d convA = (Conv2d) r.a().get(1), convB = (Conv2d) r.b().get(1);
        report(x, 1);
        if (x.zero()) { // every path of the block maps zero to zero
            ConvGeometry geo = geometry(x, convA);
            Act out = new Act(null, convA.outChannels(), geo.outHeight(), geo.outWidth());
            report(out, 1);
            return out;
        }
        Act h = conv(x, convA, true);
        batchNorm(h, (BatchNorm2d) r.a().get(2), null);
        report(h, 1);
        Act sc = conv(avgPool(x, (AvgPool2d) r.shortcut().get(0)), (Conv2d) r.shortcut().get(1), false, true);
        pool.give(x.data());
        Act m = conv(h, convB, true);
        pool.give(h.data());
        batchNorm(m, (BatchNorm2d) r.b().get(2), sc); // main + shortcut, fused
        pool.give(m.data());
        return sc;
    }

    /** Index of edge i→j in {@link Nb201Cell}'s order (1←0, 2←0, 2←1, 3←0, 3←1, 3←2). */
    static int edgeIndex(int i, int j) {
        return (j - 1) * j / 2 + i;
    }

    private void report(Act a, int multiplicity) {
        if (multiplicity == 0) {
            return;
        }
        if (a.zero()) {
            sink.acceptZero(a.sample(), multiplicity);
        } else {
            sink.accept(a.data(), a.sample(), multiplicity);
        }
    }

    private Act conv(Act x, Conv2d c, boolean reluInput) {
        return conv(x, c, reluInput, false);
    }

    /** {@code c(f(x))} into a new buffer; {@code releaseInput} gives x's buffer back afterwards. */
    private Act conv(Act x, Conv2d c, boolean reluInput, boolean releaseInput) {
        if (c.groups() != 1 || c.bias() != null) {
            throw new IllegalArgumentException("NB201 inference pass: unexpected conv " + c);
        }
        ConvGeometry geo = geometry(x, c);
        int need = ConvForward.scratchSize(geo, reluInput);
        if (scratch.length < need) {
            scratch = new float[need];
        }
        Act y = new Act(pool.take(batch * c.outChannels() * geo.outHeight() * geo.outWidth()), c.outChannels(),
                geo.outHeight(), geo.outWidth());
        ConvForward.forward(x.data(), c.weight().data(), y.data(), batch, c.outChannels(), geo, reluInput, scratch);
        if (releaseInput) {
            pool.give(x.data());
        }
        return y;
    }

    private static ConvGeometry geometry(Act x, Conv2d c) {
        return new ConvGeometry(x.channels(), x.height(), x.width(), c.kernel(), c.kernel(), c.stride(), c.padding());
    }

    /**
     * Training-mode BatchNorm of {@code y} with batch statistics (the arithmetic of the tape op
     * {@code Normalization.batchNorm2d}): in place when {@code addTo} is null, else added into it.
     */
    private void batchNorm(Act y, BatchNorm2d bn, Act addTo) {
        if (!bn.isTraining()) {
            throw new IllegalArgumentException("NB201 inference pass computes training-mode BatchNorm, " + bn
                    + " is in eval mode");
        }
        int plane = y.height() * y.width(), sample = y.sample();
        long m = (long) batch * plane;
        float[] gd = bn.weight() == null ? null : bn.weight().data();
        float[] bd = bn.bias() == null ? null : bn.bias().data();
        float[] d = y.data();
        for (int ch = 0; ch < y.channels(); ch++) {
            int off = ch * plane;
            double mu = ChannelPlanes.sum(d, off, sample, batch, plane) / m;
            double var = ChannelPlanes.squaredDeviations(d, off, sample, batch, plane, (float) mu) / m;
            float fm = (float) mu, fi = (float) (1 / Math.sqrt(var + bn.eps()));
            float scale = gd == null ? fi : gd[ch] * fi, shift = bd == null ? 0f : bd[ch];
            if (addTo == null) {
                ChannelPlanes.affine(d, d, off, sample, batch, plane, fm, scale, shift);
            } else {
                ChannelPlanes.affineAdd(d, addTo.data(), off, sample, batch, plane, fm, scale, shift);
            }
        }
    }

    /** {@code a + b} into a's buffer when a is owned, else into a new one. */
    private Act add(Act a, boolean aOwned, Act b) {
        float[] out = aOwned ? a.data() : pool.take(a.data().length);
        VectorOps.add(a.data(), b.data(), out, batch * a.sample());
        return new Act(out, a.channels(), a.height(), a.width());
    }

    private Act avgPool(Act x, AvgPool2d p) {
        ConvGeometry geo = new ConvGeometry(1, x.height(), x.width(), p.kernel(), p.kernel(), p.stride(), p.padding());
        int oh = geo.outHeight(), ow = geo.outWidth(), ip = x.height() * x.width(), op = oh * ow;
        int planes = batch * x.channels();
        float[] inv = new float[op];
        for (int y = 0; y < oh; y++) {
            for (int z = 0; z < ow; z++) {
                inv[y * ow + z] = 1f / (span(y, p.stride(), p.padding(), p.kernel(), x.height())
                        * span(z, p.stride(), p.padding(), p.kernel(), x.width()));
            }
        }
        Act out = new Act(pool.take(planes * op), x.channels(), oh, ow);
        float[] xd = x.data(), yd = out.data();
        if (Im2Col.isSameSize(geo)) {
            float[] table = new float[Im2Col.sameSizeTableSize(geo)];
            Im2Col.sameSizeTable(geo, table, 0);
            PoolKernels.avgSameSize(xd, 0, planes, geo, table, inv, yd, 0);
            return out;
        }
        // General window (the reductions' 2×2/2): the tape op's loop.
        for (int pl = 0; pl < planes; pl++) {
            int xo = pl * ip, yo = pl * op;
            for (int y = 0; y < oh; y++) {
                int h0 = Math.max(0, y * p.stride() - p.padding());
                int h1 = Math.min(x.height(), y * p.stride() - p.padding() + p.kernel());
                for (int z = 0; z < ow; z++) {
                    int w0 = Math.max(0, z * p.stride() - p.padding());
                    int w1 = Math.min(x.width(), z * p.stride() - p.padding() + p.kernel());
                    float s = 0;
                    for (int h = h0; h < h1; h++) {
                        for (int w = w0, r = xo + h * x.width(); w < w1; w++) {
                            s += xd[r + w];
                        }
                    }
                    yd[yo + y * ow + z] = s * inv[y * ow + z];
                }
            }
        }
        return out;
    }

    private static int span(int o, int s, int p, int k, int n) {
        int a = o * s - p;
        return Math.min(n, a + k) - Math.max(0, a);
    }

    /** Float buffers recycled by exact length within one pass. */
    private static final class BufferPool {
        private final java.util.Map<Integer, java.util.ArrayDeque<float[]>> free = new java.util.HashMap<>();

        float[] take(int n) {
            java.util.ArrayDeque<float[]> q = free.get(n);
            float[] b = q == null ? null : q.pollLast();
            return b != null ? b : new float[n];
        }

        void give(float[] b) {
            free.computeIfAbsent(b.length, k -> new java.util.ArrayDeque<>()).addLast(b);
        }
    }
}
