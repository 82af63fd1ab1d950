package dev.connectome.nas.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AffineGraphNetTest {
    /** Continuous activations only: a step right at 0 may flip between two roundings of the same sum. */
    private static final MutationSettings CONTINUOUS =
            new MutationSettings(0.3, 0.4, 0.1, 0.3, new int[] {1, 3, 4, 5, 6, 7, 8, 9, 10, 11});

    @Property(tries = 30)
    void planePointsEqualForwardPassesAtTheSameWeights(@ForAll @IntRange(min = 0, max = 60) int mutations,
                                                       @ForAll @IntRange(min = 1, max = 90) int batch,
                                                       @ForAll long seed) {
        int inputs = 5;
        int outputs = 3;
        NeuronGraph g = Genomes.random(inputs, outputs, mutations, CONTINUOUS, seed);
        GraphNet ref = GraphNet.compile(g);
        AffineGraphNet net = AffineGraphNet.compile(g);
        assertThat(net.weightCount()).isEqualTo(ref.weightCount());
        float[] x = Genomes.uniform(batch * inputs, -1f, 1f, seed);
        int[] labels = new int[batch];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int b = 0; b < batch; b++) {
            labels[b] = rng.nextInt(outputs);
        }
        int n = net.weightCount();
        float[] c = Genomes.uniform(n, -1f, 1f, seed + 1);
        float[] d1 = Genomes.uniform(n, -1f, 1f, seed + 2);
        float[] d2 = Genomes.uniform(n, -1f, 1f, seed + 3);
        AffineGraphPlane plane = net.plane(NodeMajorInput.of(x, batch, inputs), labels, c, d1, d2);
        float[] as = {-0.4f, 0f, 0.25f};
        float[] bs = {-0.3f, 0.1f, 0.4f};
        double[] acc = new double[3 * as.length * bs.length];
        for (int i = 0; i < as.length; i++) {
            plane.accumulateRow(as[i], bs, acc, 3 * i * bs.length);
        }
        float[] out = new float[batch * outputs];
        for (int i = 0; i < as.length; i++) {
            for (int j = 0; j < bs.length; j++) {
                float[] w = new float[n];
                for (int k = 0; k < n; k++) {
                    w[k] = c[k] + as[i] * d1[k] + bs[j] * d2[k];
                }
                ref.forward(x, batch, w, out);
                double ce = 0;
                int hits = 0;
                for (int b = 0; b < batch; b++) {
                    double max = Double.NEGATIVE_INFINITY;
                    int arg = 0;
                    for (int o = 0; o < outputs; o++) {
                        if (out[b * outputs + o] > max) {
                            max = out[b * outputs + o];
                            arg = o;
                        }
                    }
                    hits += arg == labels[b] ? 1 : 0;
                    double s = 0;
                    for (int o = 0; o < outputs; o++) {
                        s += Math.exp(out[b * outputs + o] - max);
                    }
                    ce += Math.log(s) - (out[b * outputs + labels[b]] - max);
                }
                int p = 3 * (i * bs.length + j);
                assertThat(acc[p]).as("loss at (%s, %s)", as[i], bs[j])
                        .isCloseTo(ce, org.assertj.core.data.Offset.offset(2e-5 * batch * (1 + ce / batch)));
                // A near-tie between two outputs may resolve differently under the other rounding.
                assertThat(acc[p + 1]).as("hits at (%s, %s)", as[i], bs[j]).isCloseTo(hits, org.assertj.core.data.Offset.offset(1.0));
                assertThat(acc[p + 2]).isEqualTo(batch);
            }
        }
    }

    @Test
    void countsConnectionsLeavingTheInputsAndChecksShapes() {
        NeuronGraph g = Genomes.random(4, 2, 60, CONTINUOUS, 7);
        AffineGraphNet net = AffineGraphNet.compile(g);
        int fromInputs = 0;
        int hiddenIds = 0;
        for (Connection c : g.connections()) {
            if (c.enabled() && g.node(c.source()).kind() != NodeKind.HIDDEN) {
                fromInputs++;
            }
        }
        for (Node node : g.nodes()) {
            hiddenIds += node.kind() == NodeKind.HIDDEN ? 1 : 0;
        }
        assertThat(hiddenIds).isPositive();
        assertThat(net.inputConnectionCount()).isEqualTo(fromInputs).isLessThan(net.weightCount());
        NodeMajorInput in = NodeMajorInput.of(new float[8], 2, 4);
        float[] w = new float[net.weightCount()];
        assertThatThrownBy(() -> net.plane(in, new int[] {0, 1}, w, w, new float[1]))
                .hasMessageContaining("one per enabled connection");
        assertThatThrownBy(() -> net.plane(in, new int[] {0, 5}, w, w, w)).hasMessageContaining("label 5");
    }
}
