package dev.connectome.nas.wiring;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.BatchNorm2d;
import dev.connectome.engine.nn.Conv2d;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.InstanceNorm2d;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Activations;
import dev.connectome.engine.ops.Convolution;
import dev.connectome.engine.ops.Pooling;
import dev.connectome.engine.ops.ShapeOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The channel-level static neural graph classifier ({@link ChannelGraphSpec}): a downsampling stem
 * (3×3 stride-2 conv to 16 channels, BatchNorm, ReLU, 3×3 stride-2 depthwise conv, 1×1 conv to the
 * input nodes, BatchNorm) produces the input nodes at a quarter of the image side (with
 * {@link ChannelGraphSpec#inputNodeOps()}, as in allenai/dnw, each input node then applies the node
 * operation below to its stem channel, so that all mixed outputs have alike scales); each later node v
 * takes {@code I_v = Σ w_uv Z_u} over its chosen in-edges (a sparse 1×1 convolution over the outputs
 * of all earlier blocks) and outputs {@code Z_v = conv3×3_v(relu(norm(I_v)))}, a single-channel
 * (depthwise) convolution; the last block is average-pooled and a linear layer gives the logits (with
 * {@link ChannelGraphSpec#linearReadout()}, as in allenai/dnw, the last block's nodes are output
 * nodes: their sums {@code I_v} are pooled, without a node operation).
 *
 * <p>Deviations from allenai/dnw, for a CPU: BatchNorm instead of InstanceNorm in the nodes by
 * default (the blog's description; {@link ChannelGraphSpec#nodeNorm()} selects either), a global
 * average pool of the last block instead of the centre 3×3 patch of the last 100 nodes, and a few
 * hundred nodes instead of 800. The edge weights start U(±1/√nodes) like PyTorch's default init of
 * the paper's one [nodes, nodes] 1×1 convolution, and one top-k runs over all block matrices together
 * (only potential edges, i.e. u in an earlier block than v).
 *
 * <p>Input: [N, C·S·S] rows (as a classification trainer passes them) or [N, C, S, S].
 */
public final class ChannelGraphNet implements WiredModule {
    private final ChannelGraphSpec spec;
    private final int[] blockSizes; // input nodes first
    private final Conv2d stemConv;
    private final BatchNorm2d stemNorm1;
    private final Conv2d stemDepthwise;
    private final Conv2d stemPointwise;
    private final BatchNorm2d stemNorm2;
    private final Module inputNorm; // null without input node ops
    private final Conv2d inputConv;
    private final Tensor[] mixing; // into block j: [size_j, nodes before j, 1, 1]
    private final Module[] norms;
    private final Conv2d[] nodeConvs;
    private final Linear head;
    private final EdgeSelection selection;
    private final Map<String, Tensor> params;
    private final List<Module> children = new ArrayList<>();
    private boolean applied;

    public ChannelGraphNet(ChannelGraphSpec spec, WiringVariant variant, RandomGenerator rng) {
        this.spec = spec;
        int[] blocks = spec.blocks();
        blockSizes = new int[blocks.length + 1];
        blockSizes[0] = spec.inputNodes();
        System.arraycopy(blocks, 0, blockSizes, 1, blocks.length);
        stemConv = new Conv2d(spec.inChannels(), 16, 3, 2, 1, 1, false, rng);
        stemNorm1 = new BatchNorm2d(16, true);
        stemDepthwise = new Conv2d(16, 16, 3, 2, 1, 16, false, rng);
        stemPointwise = new Conv2d(16, spec.inputNodes(), 1, 1, 0, 1, false, rng);
        stemNorm2 = new BatchNorm2d(spec.inputNodes(), true);
        mixing = new Tensor[blocks.length];
        norms = new Module[blocks.length];
        nodeConvs = new Conv2d[blocks.length];
        int[] sizes = new int[blocks.length];
        Map<String, Tensor> m = new LinkedHashMap<>();
        put(m, "stem.conv", stemConv);
        put(m, "stem.norm1", stemNorm1);
        put(m, "stem.depthwise", stemDepthwise);
        put(m, "stem.pointwise", stemPointwise);
        put(m, "stem.norm2", stemNorm2);
        if (spec.inputNodeOps()) {
            inputNorm = nodeNorm(spec, spec.inputNodes());
            inputConv = new Conv2d(spec.inputNodes(), spec.inputNodes(), 3, 1, 1, spec.inputNodes(), false, rng);
            put(m, "input.norm", inputNorm);
            put(m, "input.conv", inputConv);
            children.add(inputNorm);
        } else {
            inputNorm = null;
            inputConv = null;
        }
        double bound = 1 / Math.sqrt(spec.nodes());
        int prefix = spec.inputNodes();
        for (int j = 0; j < blocks.length; j++) {
            float[] w = new float[blocks[j] * prefix];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            mixing[j] = Tensor.parameter(w, blocks[j], prefix, 1, 1);
            sizes[j] = w.length;
            m.put("edges" + (j + 1), mixing[j]);
            if (!(spec.linearReadout() && j == blocks.length - 1)) { // output nodes have no node operation
                norms[j] = nodeNorm(spec, blocks[j]);
                nodeConvs[j] = new Conv2d(blocks[j], blocks[j], 3, 1, 1, blocks[j], false, rng);
                put(m, "block" + (j + 1) + ".norm", norms[j]);
                put(m, "block" + (j + 1) + ".conv", nodeConvs[j]);
                children.add(norms[j]);
            }
            prefix += blocks[j];
        }
        head = new Linear(blocks[blocks.length - 1], spec.classes(), true, Init.torchLinearDefault(), rng);
        put(m, "head", head);
        params = Collections.unmodifiableMap(m);
        children.addAll(List.of(stemNorm1, stemNorm2));
        selection = variant.start(sizes, spec.edges(), rng);
    }

    /** The nodes' normalisation, affine as in the paper. */
    private static Module nodeNorm(ChannelGraphSpec spec, int channels) {
        return spec.nodeNorm() == ChannelGraphSpec.NodeNorm.INSTANCE ? new InstanceNorm2d(channels, true)
                : new BatchNorm2d(channels, true);
    }

    private static void put(Map<String, Tensor> into, String prefix, Module child) {
        Module.collect(prefix, child, into);
    }

    public ChannelGraphSpec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        int s = spec.imageSize(), c = spec.inChannels();
        if (x.rank() == 2 && x.dim(1) == c * s * s) {
            x = ShapeOps.reshape(tape, x, x.dim(0), c, s, s);
        } else if (x.rank() != 4 || x.dim(1) != c || x.dim(2) != s || x.dim(3) != s) {
            throw new IllegalArgumentException("channel graph expects [N, " + (c * s * s) + "] or [N, " + c + ", " + s
                    + ", " + s + "], got " + x);
        }
        int n = x.dim(0);
        Tensor h = Activations.relu(tape, stemNorm1.forward(tape, stemConv.forward(tape, x)));
        h = stemNorm2.forward(tape, stemPointwise.forward(tape, stemDepthwise.forward(tape, h)));
        if (inputNorm != null) {
            h = inputConv.forward(tape, Activations.relu(tape, inputNorm.forward(tape, h)));
        }
        int side = h.dim(2), plane = side * h.dim(3);
        Tensor[] w = selection.apply(tape, mixing);
        applied = true;
        Tensor outputsSoFar = h; // [N, nodes so far, side, side]
        Tensor z = null;
        for (int j = 0; j < w.length; j++) {
            Tensor in = Convolution.conv2d(tape, outputsSoFar, w[j], null, 1, 0, 1);
            z = nodeConvs[j] == null ? in // output nodes of the linear readout
                    : nodeConvs[j].forward(tape, Activations.relu(tape, norms[j].forward(tape, in)));
            if (j < w.length - 1) {
                // channel concat of NCHW = column concat of the [N, C·H·W] rows
                int before = outputsSoFar.dim(1), added = z.dim(1);
                Tensor joined = ShapeOps.concat(tape, 1, ShapeOps.reshape(tape, outputsSoFar, n, before * plane),
                        ShapeOps.reshape(tape, z, n, added * plane));
                outputsSoFar = ShapeOps.reshape(tape, joined, n, before + added, side, side);
            }
        }
        return head.forward(tape, Pooling.globalAvgPool(tape, z));
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    @Override
    public ChannelGraphNet train(boolean training) {
        for (Module m : children) {
            m.train(training);
        }
        return this;
    }

    @Override
    public EdgeSelection selection() {
        return selection;
    }

    /** Potential edges (u in an earlier block than v). */
    public long potentialEdges() {
        return spec.potentialEdges();
    }

    @Override
    public WiringLayout layout() {
        List<WiringLayout.Block> list = new ArrayList<>();
        list.add(new WiringLayout.Block("input", blockSizes[0], 0));
        for (int j = 1; j < blockSizes.length; j++) {
            list.add(new WiringLayout.Block(j == blockSizes.length - 1 ? "block " + j + " (pooled)" : "block " + j,
                    blockSizes[j], 0));
        }
        return new WiringLayout(list);
    }

    @Override
    public WiringSnapshot snapshot(long step, int epoch, double trainAccuracy) {
        if (!applied) {
            selection.apply(Tape.inference(Parallelism.single()), mixing);
            applied = true;
        }
        return Wirings.snapshot(selection.active(), mixing, blockSizes, true, step, epoch, trainAccuracy);
    }

    @Override
    public String toString() {
        return "ChannelGraphNet" + spec;
    }
}
