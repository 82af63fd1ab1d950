package dev.connectome.nas.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.BatchNorm2d;
import dev.connectome.engine.ops.Activations;
import dev.connectome.engine.ops.Arithmetic;
import dev.connectome.engine.ops.Convolution;
import dev.connectome.engine.ops.Losses;
import dev.connectome.engine.ops.MatrixOps;
import dev.connectome.engine.ops.Normalization;
import dev.connectome.engine.ops.Pooling;
import dev.connectome.engine.ops.ShapeOps;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The block-at-once channel graph (one sparse 1×1 mixing, one BatchNorm and one depthwise conv per
 * block) against the graph computed node by node and edge by edge, as the paper describes it:
 * I_v = Σ_u w_uv Z_u over the chosen edges, Z_v = conv3×3_v(relu(norm_v(I_v))). Logits and the
 * gradients of every edge weight (chosen or not), node norm and node kernel must agree.
 */
class ChannelGraphPerNodeTest {
    private static final ChannelGraphSpec SPEC = new ChannelGraphSpec(1, 12, new int[] {5, 4, 3}, 25, 6, 3);
    private static final int[] LABELS = {0, 1, 2, 1, 0};

    @ParameterizedTest
    @CsvSource({"dnw, false, false, BATCH", "random, false, false, BATCH", "complete, false, false, BATCH",
            "dnw, true, false, BATCH", "random, true, true, BATCH", "dnw, true, true, BATCH",
            "complete, false, true, BATCH",
            "dnw-every-node, true, false, BATCH", "dnw-node-scale, false, false, BATCH", "dnw, true, false, INSTANCE",
            "random, false, true, INSTANCE"})
    void blockPathEqualsThePerNodeGraph(String variant, boolean inputNodeOps, boolean linearReadout, String norm) {
        ChannelGraphSpec spec = SPEC.withInputNodeOps(inputNodeOps).withLinearReadout(linearReadout)
                .withNodeNorm(ChannelGraphSpec.NodeNorm.valueOf(norm));
        ChannelGraphNet net = new ChannelGraphNet(spec, WiringVariants.get(variant), new SplittableRandom(4));
        Tensor x = images(LABELS.length);
        Map<String, Tensor> p = net.namedParameters();
        Tape tape = Tape.training(Parallelism.single());
        Tensor logits = net.forward(tape, x);
        tape.backward(Losses.softmaxCrossEntropy(tape, logits, LABELS));
        float[] blockLogits = logits.data().clone();
        Map<String, float[]> blockGrads = new HashMap<>();
        p.forEach((name, t) -> blockGrads.put(name, t.grad().clone()));
        p.values().forEach(Tensor::zeroGrad);

        PerNode ref = new PerNode(net, p);
        Tape refTape = Tape.training(Parallelism.single());
        Tensor refLogits = ref.forward(refTape, x);
        refTape.backward(Losses.softmaxCrossEntropy(refTape, refLogits, LABELS));

        assertClose(blockLogits, refLogits.data(), "logits");
        int[] blocks = SPEC.blocks();
        for (int j = 0; j < blocks.length; j++) {
            float[] edgeGrad = blockGrads.get("edges" + (j + 1));
            float[] normW = blockGrads.get("block" + (j + 1) + ".norm.weight");
            float[] normB = blockGrads.get("block" + (j + 1) + ".norm.bias");
            float[] kernels = blockGrads.get("block" + (j + 1) + ".conv.weight");
            for (int i = 0; i < blocks[j]; i++) {
                Node node = ref.nodes.get(j).get(i);
                float[] expected = new float[node.edges.length];
                for (int u = 0; u < expected.length; u++) {
                    // edges of a fixed graph get no gradient when unchosen; DNW's get the dense one
                    expected[u] = node.trained[u] ? node.edges[u].grad()[0] : 0f;
                }
                int prefix = node.edges.length;
                assertClose(java.util.Arrays.copyOfRange(edgeGrad, i * prefix, (i + 1) * prefix), expected,
                        "edge gradients into block " + (j + 1) + " node " + i);
                if (node.gamma == null) { // an output node of the linear readout: no node operation
                    assertThat(normW).isNull();
                    continue;
                }
                assertThat(normW[i]).isCloseTo(node.gamma.grad()[0], within(1e-4f));
                assertThat(normB[i]).isCloseTo(node.beta.grad()[0], within(1e-4f));
                assertClose(java.util.Arrays.copyOfRange(kernels, i * 9, (i + 1) * 9), node.kernel.grad(),
                        "kernel gradient of block " + (j + 1) + " node " + i);
            }
        }
        List<String> shared = new ArrayList<>(List.of("stem.conv.weight", "head.weight", "head.bias"));
        if (inputNodeOps) {
            shared.addAll(List.of("input.norm.weight", "input.norm.bias", "input.conv.weight"));
        }
        for (String name : shared) {
            assertClose(blockGrads.get(name), p.get(name).grad(), name);
        }
    }

    /** One node's own parameters, copied from the block tensors. */
    private record Node(Tensor[] edges, boolean[] trained, Tensor gamma, Tensor beta, Tensor kernel) {
    }

    /** The graph node by node, on per-edge scalar weights. */
    private static final class PerNode {
        final ChannelGraphNet net;
        final Map<String, Tensor> p;
        final List<List<Node>> nodes = new ArrayList<>();
        final boolean instance;

        PerNode(ChannelGraphNet net, Map<String, Tensor> p) {
            this.net = net;
            this.p = p;
            this.instance = net.spec().nodeNorm() == ChannelGraphSpec.NodeNorm.INSTANCE;
            boolean[][] active = net.selection().active();
            boolean updatesAll = !isFixed(); // DNW and the complete graph pass the dense gradient
            int prefix = SPEC.inputNodes();
            for (int j = 0; j < SPEC.blocks().length; j++) {
                List<Node> block = new ArrayList<>();
                float[] w = p.get("edges" + (j + 1)).data();
                for (int i = 0; i < SPEC.blocks()[j]; i++) {
                    Tensor[] edges = new Tensor[prefix];
                    boolean[] trained = new boolean[prefix];
                    for (int u = 0; u < prefix; u++) {
                        boolean on = active[j][i * prefix + u];
                        edges[u] = Tensor.parameter(new float[] {on ? w[i * prefix + u] : 0f}, 1, 1, 1, 1);
                        trained[u] = on || updatesAll;
                    }
                    boolean output = net.spec().linearReadout() && j == SPEC.blocks().length - 1;
                    block.add(output ? new Node(edges, trained, null, null, null) : new Node(edges, trained,
                            Tensor.parameter(new float[] {p.get("block" + (j + 1) + ".norm.weight").data()[i]},
                                    instance ? new int[] {1, 1, 1, 1} : new int[] {1}),
                            Tensor.parameter(new float[] {p.get("block" + (j + 1) + ".norm.bias").data()[i]}, 1),
                            Tensor.parameter(java.util.Arrays.copyOfRange(
                                    p.get("block" + (j + 1) + ".conv.weight").data(), i * 9, (i + 1) * 9), 1, 1, 3, 3)));
                }
                nodes.add(block);
                prefix += SPEC.blocks()[j];
            }
        }

        private boolean isFixed() {
            return net.selection().getClass().getEnclosingClass() == RandomGraph.class;
        }

        Tensor forward(Tape tape, Tensor x) {
            int n = x.dim(0);
            x = ShapeOps.reshape(tape, x, n, 1, 12, 12);
            Tensor h = Convolution.conv2d(tape, x, p.get("stem.conv.weight"), null, 2, 1, 1);
            h = Activations.relu(tape, batchNorm(tape, h, p.get("stem.norm1.weight"), p.get("stem.norm1.bias")));
            h = Convolution.conv2d(tape, h, p.get("stem.depthwise.weight"), null, 2, 1, 16);
            h = Convolution.conv2d(tape, h, p.get("stem.pointwise.weight"), null, 1, 0, 1);
            h = batchNorm(tape, h, p.get("stem.norm2.weight"), p.get("stem.norm2.bias"));
            if (net.spec().inputNodeOps()) { // each input channel: norm → ReLU → its own 3×3 kernel
                h = Activations.relu(tape, norm(tape, h, p.get("input.norm.weight"), p.get("input.norm.bias")));
                h = Convolution.conv2d(tape, h, p.get("input.conv.weight"), null, 1, 1, SPEC.inputNodes());
            }
            List<Tensor> outputs = new ArrayList<>();
            for (int u = 0; u < SPEC.inputNodes(); u++) { // channel u through a fixed one-hot 1×1 conv
                float[] pick = new float[SPEC.inputNodes()];
                pick[u] = 1f;
                outputs.add(Convolution.conv2d(tape, h, Tensor.of(pick, 1, SPEC.inputNodes(), 1, 1), null, 1, 0, 1));
            }
            List<Tensor> last = new ArrayList<>();
            for (List<Node> block : nodes) {
                List<Tensor> made = new ArrayList<>();
                for (Node node : block) {
                    Tensor in = null;
                    for (int u = 0; u < node.edges.length; u++) {
                        Tensor term = Convolution.conv2d(tape, outputs.get(u), node.edges[u], null, 1, 0, 1);
                        in = in == null ? term : Arithmetic.add(tape, in, term);
                    }
                    if (node.gamma == null) {
                        made.add(in);
                        continue;
                    }
                    Tensor z = Activations.relu(tape, norm(tape, in, node.gamma, node.beta));
                    made.add(Convolution.conv2d(tape, z, node.kernel, null, 1, 1, 1));
                }
                outputs.addAll(made);
                last = made;
            }
            Tensor[] pooled = last.stream().map(z -> Pooling.globalAvgPool(tape, z)).toArray(Tensor[]::new);
            Tensor features = ShapeOps.concat(tape, 1, pooled);
            return Arithmetic.add(tape, MatrixOps.matmul(tape, features, p.get("head.weight")), p.get("head.bias"));
        }

        private Tensor norm(Tape tape, Tensor x, Tensor gamma, Tensor beta) {
            int c = x.dim(1);
            if (instance) { // each image's plane by its own statistics, then γ·y + β per channel
                int n = x.dim(0), h = x.dim(2), w = x.dim(3);
                Tensor planes = ShapeOps.reshape(tape, x, 1, n * c, h, w);
                Tensor y = Normalization.batchNorm2d(tape, planes, null, null, null, null, true, 0f,
                        BatchNorm2d.DEFAULT_EPS);
                return Convolution.conv2d(tape, ShapeOps.reshape(tape, y, n, c, h, w), gamma, beta, 1, 0, c);
            }
            return batchNorm(tape, x, gamma, beta);
        }

        private static Tensor batchNorm(Tape tape, Tensor x, Tensor gamma, Tensor beta) {
            int c = x.dim(1);
            return Normalization.batchNorm2d(tape, x, gamma, beta, new float[c], new float[c], true,
                    BatchNorm2d.DEFAULT_MOMENTUM, BatchNorm2d.DEFAULT_EPS);
        }
    }

    private static Tensor images(int n) {
        SplittableRandom rng = new SplittableRandom(8);
        float[] x = new float[n * 144];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return Tensor.of(x, n, 144);
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("%s [%d]", what, i).isCloseTo(expected[i], within(2e-4f));
        }
    }
}
