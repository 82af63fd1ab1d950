package dev.connectome.nas.weights;

import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.graph.Connection;
import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.graph.Mutations;
import dev.connectome.nas.graph.NeuronGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small generated fixtures: a linearly separable 3-class problem on 4 inputs and genomes for it. */
final class Synthetic {
    private Synthetic() {
    }

    static final float[][] TRUE_W = {{2, -1, 0.5f, -2}, {-1, 2, -1, 0.5f}, {0.3f, -0.5f, 2, 1}};

    static Dataset data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) r.nextDouble();
            }
            for (int k = 0; k < 3; k++) {
                double s = 0;
                for (int j = 0; j < 4; j++) {
                    s += TRUE_W[k][j] * x[i * 4 + j];
                }
                if (s > best) {
                    best = s;
                    y[i] = k;
                }
            }
        }
        return Dataset.of("synthetic", x, y, new int[] {4}, Dataset.numberedClasses(3));
    }

    static Mnist256Splits splits() {
        return Mnist256Splits.of(data(600, 1), data(200, 2), 400);
    }

    /** All bias/input→output genes enabled (a linear classifier). */
    static NeuronGraph linear() {
        return NeuronGraph.initial(4, 3, 1.0, new SplittableRandom(0));
    }

    /** {@link #linear()} grown by a few node and connection mutations, genes given distinct weights. */
    static NeuronGraph grown(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        NeuronGraph g = linear();
        for (int k = 0; k < 6; k++) {
            g = Mutations.addNode(g, MutationSettings.mnist256(), r);
            g = Mutations.addConnection(g, r);
        }
        List<Connection> distinct = new ArrayList<>();
        for (Connection c : g.connections()) {
            distinct.add(new Connection(c.innovation(), c.source(), c.target(), c.innovation() + 1f, c.enabled()));
        }
        return NeuronGraph.of(g.inputCount(), g.outputCount(), g.nodes(), distinct);
    }
}
