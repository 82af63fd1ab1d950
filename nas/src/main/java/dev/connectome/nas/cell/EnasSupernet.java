package dev.connectome.nas.cell;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.ops.Activations;
import dev.connectome.engine.ops.Arithmetic;
import dev.connectome.engine.ops.MatrixOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * ENAS weight sharing (Pham et al. 2018) for {@link EnasCellSpace} cells on flat inputs: one pool of
 * parameters for the whole space. Node 0 is {@code tanh(x·W_in + b)}; every possible edge i → j owns a
 * matrix W[j][i] [H, H], and a sampled child uses only the edges it picks ({@code h_j = act(h_i·W[j][i])});
 * the average of the child's leaves goes through a linear classifier. Training a child updates exactly
 * the shared weights it uses. A dense analogue of ENAS's recurrent cell (no recurrence over time).
 */
public final class EnasSupernet {
    private final int nodes;
    private final Linear stem;
    private final Tensor[][] edges;
    private final Linear head;
    private final List<Tensor> parameters;

    public EnasSupernet(int inputs, int hidden, int classes, int nodes, RandomGenerator rng) {
        this.nodes = nodes;
        this.stem = new Linear(inputs, hidden, true, Init.torchLinearDefault(), rng);
        this.edges = new Tensor[nodes + 1][];
        List<Tensor> p = new ArrayList<>(stem.parameters());
        float[] buf;
        for (int j = 1; j <= nodes; j++) {
            edges[j] = new Tensor[j];
            for (int i = 0; i < j; i++) {
                buf = new float[hidden * hidden];
                Init.glorotUniform().fill(buf, hidden, hidden, rng);
                edges[j][i] = Tensor.parameter(buf, hidden, hidden);
                p.add(edges[j][i]);
            }
        }
        this.head = new Linear(hidden, classes, true, Init.torchLinearDefault(), rng);
        p.addAll(head.parameters());
        this.parameters = Collections.unmodifiableList(p);
    }

    /** All shared parameters (every edge of the space), fixed order. */
    public List<Tensor> parameters() {
        return parameters;
    }

    /** Class logits [B, classes] of the child {@code cell} on x [B, inputs]. */
    public Tensor logits(Tape tape, Tensor x, EnasCell cell) {
        if (cell.nodes() != nodes) {
            throw new IllegalArgumentException("cell has " + cell.nodes() + " nodes, the supernet " + nodes);
        }
        Tensor[] h = new Tensor[nodes + 1];
        h[0] = Activations.tanh(tape, stem.forward(tape, x));
        int[] in = cell.inputs();
        EnasCell.Activation[] act = cell.activations();
        for (int j = 1; j <= nodes; j++) {
            Tensor z = MatrixOps.matmul(tape, h[in[j - 1]], edges[j][in[j - 1]]);
            h[j] = switch (act[j - 1]) {
                case TANH -> Activations.tanh(tape, z);
                case RELU -> Activations.relu(tape, z);
                case SIGMOID -> Activations.sigmoid(tape, z);
                case IDENTITY -> z;
            };
        }
        List<Integer> leaves = cell.leaves();
        Tensor sum = h[leaves.get(0)];
        for (int k = 1; k < leaves.size(); k++) {
            sum = Arithmetic.add(tape, sum, h[leaves.get(k)]);
        }
        Tensor mean = leaves.size() == 1 ? sum : Arithmetic.mulScalar(tape, sum, 1f / leaves.size());
        return head.forward(tape, mean);
    }
}
