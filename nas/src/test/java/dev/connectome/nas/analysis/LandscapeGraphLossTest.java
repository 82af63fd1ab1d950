package dev.connectome.nas.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.graph.AffineGraphNet;
import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.graph.Mutations;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.NodeKind;
import dev.connectome.nas.weights.GraphLoss;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LandscapeGraphLossTest {
    /** Linear, sin, gaussian, tanh, sigmoid, inverse, abs, relu, cos, square: all continuous. */
    private static final MutationSettings MIXED =
            new MutationSettings(0.3, 0.4, 0.1, 0.3, new int[] {1, 3, 4, 5, 6, 7, 8, 9, 10, 11});

    /** A random genome with hidden→hidden connections, its data and a trained-looking centre. */
    private static NeuronGraph genome() {
        SplittableRandom rng = new SplittableRandom(3);
        NeuronGraph g = NeuronGraph.initial(8, 4, 0.5, rng);
        for (int i = 0; i < 80; i++) {
            g = Mutations.mutate(g, MIXED, rng);
        }
        return g;
    }

    private static Dataset data(int n) {
        SplittableRandom rng = new SplittableRandom(11);
        float[] x = new float[n * 8];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 8; k++) {
                x[i * 8 + k] = (float) rng.nextDouble();
            }
            y[i] = rng.nextInt(4);
        }
        return Dataset.of("random", x, y, new int[] {8}, Dataset.numberedClasses(4));
    }

    @Test
    void planeKernelGivesTheStraightforwardLandscape() {
        NeuronGraph g = genome();
        AffineGraphNet affine = AffineGraphNet.compile(g);
        GraphNet net = GraphNet.compile(g);
        // Small on purpose: until C2 compiles the vector kernels they run interpreted, ~1000× slower.
        // The point of the test: some connections leave hidden nodes, and some of those enter hidden nodes.
        assertThat(affine.inputConnectionCount()).isLessThan(affine.weightCount());
        assertThat(g.hiddenCount()).isGreaterThan(3);
        assertThat(g.connections().stream().filter(c -> c.enabled()
                && g.node(c.source()).kind() == NodeKind.HIDDEN && g.node(c.target()).kind() == NodeKind.HIDDEN))
                .isNotEmpty();
        Dataset data = data(200);
        float[] centre = net.genomeWeights();
        float[] d1 = Landscape.directions(centre.length, 5)[0];
        float[] d2 = Landscape.directions(centre.length, 5)[1];
        double[] alphas = LandscapeSettings.defaults().withAlphas(-1, 1, 0.5).alphas();
        LandscapeGrid direct;
        LandscapeGrid plane;
        try (Parallelism par = Parallelism.of(2)) {
            direct = Landscape.compute("g", centre, d1, d2, 0.3, alphas, new GraphLoss(net, data, 256), par);
            // Chunks of another size and tasks split into row blocks must not matter beyond rounding.
            plane = Landscape.compute("g", centre, d1, d2, 0.3, alphas, new LandscapeGraphLoss(affine, data, 64), par);
        }
        for (int i = 0; i < alphas.length; i++) {
            for (int j = 0; j < alphas.length; j++) {
                double expected = direct.loss()[i][j];
                assertThat(plane.loss()[i][j]).as("loss at %d,%d", i, j).isCloseTo(expected, within(1e-5 * expected));
                assertThat(plane.accuracy()[i][j]).as("accuracy at %d,%d", i, j)
                        .isCloseTo(direct.accuracy()[i][j], within(1.5 / data.size()));
            }
        }
        assertThat(plane.maxLoss()).isGreaterThan(plane.minLoss() * 1.05); // the grid is not flat
    }

    @Test
    void singlePointsAndThreadCountsAgree() {
        NeuronGraph g = genome();
        Dataset data = data(300);
        LandscapeGraphLoss loss = new LandscapeGraphLoss(g, data);
        float[] centre = GraphNet.compile(g).genomeWeights();
        LandscapeSettings s = LandscapeSettings.defaults().withAlphas(-1, 1, 0.5).withSigmas(java.util.List.of(0.2));
        LandscapeGrid one = Landscape.compute("g", centre, s, loss, Parallelism.single()).get(0);
        LandscapeGrid two;
        try (Parallelism par = Parallelism.of(2)) {
            two = Landscape.compute("g", centre, s, loss, par).get(0);
        }
        assertThat(two.loss()).isDeepEqualTo(one.loss());
        double[] acc = new double[3];
        for (int c = 0; c < loss.chunkCount(); c++) {
            loss.accumulate(c, centre, acc);
        }
        assertThat(acc[2]).isEqualTo(300);
        assertThat(acc[0] / acc[2]).isCloseTo(one.centreLoss(), within(1e-6 * one.centreLoss()));
    }
}
