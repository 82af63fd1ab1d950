package dev.connectome.nas.wiring;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Activations;
import dev.connectome.engine.ops.Arithmetic;
import dev.connectome.engine.ops.MatrixOps;
import dev.connectome.engine.ops.ShapeOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A neuron-level static neural graph ({@link NeuronGraphSpec}) as a classifier: the input to node v
 * is {@code I_v = Σ_(u,v)∈E w_uv·Z_u + b_v}, hidden nodes output {@code Z_v = relu(I_v)}, and the
 * output nodes' inputs are the logits. The edge set E is chosen by a {@link WiringVariant} over all
 * potential edges at once (one magnitude threshold for the whole graph, as in the blog:
 * E = {(u,v) : |w_uv| &gt; τ and u &lt; v} with τ giving exactly k edges).
 *
 * <p>Computed block by block with dense matrices: the weights into block j form a
 * [nodes before j, size of j] matrix (parameter "w{j}"), so the potential edges are exactly the
 * block-order ones and the forward pass is one matmul per block on the concatenated outputs of all
 * earlier blocks (node ids follow that concatenation).
 *
 * <p>Initialisation: U(±1/√(fan_in·density)) for weights and biases, where fan_in counts the
 * potential inputs of the node and density = edges/potential edges. That is PyTorch's default
 * Linear bound for the node's expected number of live inputs; with the paper's plain
 * U(±1/√fan_in) a sparse graph starts with vanishing activations. The complete graph has density 1.
 */
public final class NeuronGraphNet implements WiredModule {
    private final NeuronGraphSpec spec;
    private final int[] blocks;
    private final Tensor[] weights; // weights[j-1]: into block j, [prefix_j, size_j]
    private final Tensor[] biases;
    private final EdgeSelection selection;
    private final Map<String, Tensor> params;
    private boolean applied;

    public NeuronGraphNet(NeuronGraphSpec spec, WiringVariant variant, RandomGenerator rng) {
        this.spec = spec;
        this.blocks = spec.blockSizes();
        int targets = blocks.length - 1;
        this.weights = new Tensor[targets];
        this.biases = new Tensor[targets];
        int[] sizes = new int[targets];
        double density = variant.usesAllEdges() ? 1.0 : (double) spec.edges() / spec.potentialEdges();
        Map<String, Tensor> m = new LinkedHashMap<>();
        int prefix = blocks[0];
        for (int j = 1; j <= targets; j++) {
            int size = blocks[j];
            double bound = 1 / Math.sqrt(Math.max(1.0, prefix * density));
            float[] w = new float[prefix * size];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            float[] b = new float[size];
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) ((2 * rng.nextDouble() - 1) * bound);
            }
            weights[j - 1] = Tensor.parameter(w, prefix, size);
            biases[j - 1] = Tensor.parameter(b, size);
            sizes[j - 1] = w.length;
            m.put("w" + j, weights[j - 1]);
            m.put("b" + j, biases[j - 1]);
            prefix += size;
        }
        this.params = Collections.unmodifiableMap(m);
        this.selection = variant.start(sizes, spec.edges(), rng);
    }

    public NeuronGraphSpec spec() {
        return spec;
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        if (x.rank() != 2 || x.dim(1) != blocks[0]) {
            throw new IllegalArgumentException("neuron graph with " + blocks[0] + " inputs expects [batch, "
                    + blocks[0] + "], got " + x);
        }
        Tensor[] w = selection.apply(tape, weights);
        applied = true;
        Tensor outputsSoFar = x;
        for (int j = 0; j < w.length; j++) {
            Tensor in = Arithmetic.add(tape, MatrixOps.matmul(tape, outputsSoFar, w[j]), biases[j]);
            if (j == w.length - 1) {
                return in;
            }
            outputsSoFar = ShapeOps.concat(tape, 1, outputsSoFar, Activations.relu(tape, in));
        }
        throw new AssertionError("unreachable: a graph has an output block");
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    @Override
    public EdgeSelection selection() {
        return selection;
    }

    @Override
    public WiringLayout layout() {
        List<WiringLayout.Block> list = new ArrayList<>();
        list.add(new WiringLayout.Block("input", blocks[0], spec.inputGridWidth()));
        for (int j = 1; j < blocks.length - 1; j++) {
            list.add(new WiringLayout.Block("block " + j, blocks[j], 0));
        }
        list.add(new WiringLayout.Block("output", blocks[blocks.length - 1], 0));
        return new WiringLayout(list);
    }

    @Override
    public WiringSnapshot snapshot(long step, int epoch, double trainAccuracy) {
        if (!applied) {
            // choose the edges the first forward pass would use, without recording anything
            selection.apply(Tape.inference(Parallelism.single()), weights);
            applied = true;
        }
        return Wirings.snapshot(selection.active(), weights, blocks, step, epoch, trainAccuracy);
    }

    /** Potential edges from every node to every later block, in parameter order. */
    public long potentialEdges() {
        return spec.potentialEdges();
    }

    @Override
    public String toString() {
        return "NeuronGraphNet" + spec + " with " + selection.edges() + " of " + spec.potentialEdges() + " edges";
    }
}
