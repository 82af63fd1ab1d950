package dev.connectome.nas.cell;

import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.AvgPool2d;
import dev.connectome.engine.nn.Identity;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.ops.Arithmetic;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One NB201 cell as a module (C channels in and out, stride 1): node 0 is the input, node j the sum
 * of op(i→j)(node i) over i &lt; j, the output node 3. A {@code none} edge adds nothing (a node with
 * only {@code none} inputs is zero). Every other edge is computed even when its input is zero, as
 * NB201's own network does, so NASWOT sees the same ReLUs.
 */
public final class Nb201NetworkCell implements Module {
    private final Nb201Cell cell;
    private final Module[] edges = new Module[Nb201Cell.EDGES]; // null for none
    private final Map<String, Tensor> params;

    public Nb201NetworkCell(Nb201Cell cell, int channels, boolean batchNorm, RandomGenerator rng) {
        this.cell = cell;
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
            edges[e] = edgeModule(cell.op(e), channels, batchNorm, rng);
            if (edges[e] != null) {
                Module.collect("edge" + e, edges[e], m);
            }
        }
        this.params = Collections.unmodifiableMap(m);
    }

    /** The module for one op (NB201's op set is fixed, so this is not an extension point). */
    private static Module edgeModule(Nb201Op op, int c, boolean bn, RandomGenerator rng) {
        return switch (op) {
            case NONE -> null;
            case SKIP_CONNECT -> new Identity();
            case NOR_CONV_1X1 -> Nb201NetworkLayers.reluConvBn(c, c, 1, 1, 0, bn, rng);
            case NOR_CONV_3X3 -> Nb201NetworkLayers.reluConvBn(c, c, 3, 1, 1, bn, rng);
            case AVG_POOL_3X3 -> new AvgPool2d(3, 1, 1);
        };
    }

    @Override
    public Tensor forward(Tape tape, Tensor x) {
        Tensor[] node = new Tensor[4];
        node[0] = x;
        int edge = 0;
        for (int j = 1; j <= 3; j++) {
            Tensor sum = null;
            for (int i = 0; i < j; i++, edge++) {
                if (edges[edge] == null) {
                    continue;
                }
                Tensor y = edges[edge].forward(tape, node[i]);
                sum = sum == null ? y : Arithmetic.add(tape, sum, y);
            }
            node[j] = sum != null ? sum : tape.zeros(false, x.shape());
        }
        return node[3];
    }

    @Override
    public Map<String, Tensor> namedParameters() {
        return params;
    }

    @Override
    public Module train(boolean training) {
        for (Module m : edges) {
            if (m != null) {
                m.train(training);
            }
        }
        return this;
    }

    public Nb201Cell cell() {
        return cell;
    }

    /** The module on edge {@code e} (the order of {@link Nb201Cell#op}), or null for a none edge. */
    public Module edge(int e) {
        return edges[e];
    }

    /** Multiply-adds per sample at {@code size}×{@code size} (convs and pooling windows). */
    static long multiplyAdds(Nb201Cell cell, int channels, int size) {
        long plane = (long) size * size * channels;
        long total = 0;
        for (Nb201Op op : cell.ops()) {
            total += switch (op) {
                case NONE, SKIP_CONNECT -> 0L;
                case NOR_CONV_1X1 -> plane * channels;
                case NOR_CONV_3X3 -> plane * channels * 9;
                case AVG_POOL_3X3 -> plane * 9;
            };
        }
        return total;
    }

    @Override
    public String toString() {
        return "Nb201NetworkCell" + cell;
    }
}
