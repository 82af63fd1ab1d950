package dev.connectome.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.graph.GraphNet;
import dev.connectome.nas.graph.MutationSettings;
import dev.connectome.nas.graph.Mutations;
import dev.connectome.nas.graph.NeuronGraph;
import dev.connectome.nas.graph.TunedWeights;
import dev.connectome.nas.graph.WannOutFormat;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NeuronGraphExportTest {
    private static final int[] ALL_ACTIVATIONS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    static Path resource(String name) throws Exception {
        return Path.of(NeuronGraphExportTest.class.getResource("/wann/" + name).toURI());
    }

    static void assertSameOutputs(NeuronGraph g, float[] weights, float[] x, int batch) throws Exception {
        GraphNet net = GraphNet.compile(g);
        float[] ours = new float[batch * g.outputCount()];
        net.forward(x, batch, weights, ours);
        OnnxModel model = NeuronGraphExport.of(g, weights, ModelInfo.of("wann", "test"));
        float[] theirs = OrtRunner.run(model.toBytes(), "input", x, batch, g.inputCount());
        assertThat(theirs).hasSize(ours.length);
        assertThat(OrtRunner.relativeError(theirs, ours)).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void swingUpChampionWithTunedWeightsMatches() throws Exception {
        NeuronGraph g = WannOutFormat.read(resource("swing.out"), 5, 1);
        float[] weights = TunedWeights.read(resource("cartpole_swingup.wann.json"), GraphNet.compile(g),
                TunedWeights.SWINGUP_WEIGHT_BIAS);
        assertSameOutputs(g, weights, MlpExportTest.randomInput(64 * 5, 4, 3f), 64);
    }

    @ParameterizedTest
    @ValueSource(floats = {-2f, -1f, -0.5f, 0.5f, 1f, 2f})
    void swingUpChampionWithSharedWeightsMatches(float w) throws Exception {
        NeuronGraph g = WannOutFormat.read(resource("swing.out"), 5, 1);
        float[] x = MlpExportTest.randomInput(32 * 5, 7, 2f);
        GraphNet net = GraphNet.compile(g);
        float[] ours = new float[32];
        net.forwardShared(x, 32, w, ours);
        float[] theirs = OrtRunner.run(NeuronGraphExport.shared(g, w, ModelInfo.of("wann", "")).toBytes(), "input", x, 32, 5);
        assertThat(OrtRunner.relativeError(theirs, ours)).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void randomGenomesWithEveryActivationMatch() throws Exception {
        MutationSettings settings = new MutationSettings(0.3, 0.3, 0.1, 0.3, ALL_ACTIVATIONS);
        SplittableRandom rng = new SplittableRandom(21);
        for (int genome = 0; genome < 12; genome++) {
            NeuronGraph g = NeuronGraph.initial(9, 4, 0.5, rng);
            int steps = 5 + rng.nextInt(60);
            for (int s = 0; s < steps; s++) {
                g = Mutations.mutate(g, settings, rng);
            }
            float[] weights = new float[g.enabledConnectionCount()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = (float) (rng.nextDouble() * 4 - 2);
            }
            assertSameOutputs(g, weights, MlpExportTest.randomInput(16 * 9, genome, 1.5f), 16);
        }
    }

    @Test
    void wrongWeightCountIsRejected() throws Exception {
        NeuronGraph g = WannOutFormat.read(resource("swing.out"), 5, 1);
        assertThatThrownBy(() -> NeuronGraphExport.of(g, new float[3], ModelInfo.of("w", "")))
                .isInstanceOf(OnnxExportException.class).hasMessageContaining("52 enabled connections");
    }
}
