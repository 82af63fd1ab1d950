package dev.connectome.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.TensorProto;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Sequential;
import dev.connectome.nas.wiring.NeuronGraphNet;
import dev.connectome.nas.wiring.NeuronGraphSpec;
import dev.connectome.nas.wiring.SparseMlp;
import dev.connectome.nas.wiring.WiringVariants;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WiringExportTest {

    /** Nonzero weight entries over all initializers whose name starts with {@code prefix}. */
    static long nonzeros(OnnxModel model, String prefix) {
        long n = 0;
        for (TensorProto t : model.proto().getGraph().getInitializerList()) {
            if (t.getName().startsWith(prefix)) {
                FloatBuffer f = ByteBuffer.wrap(t.getRawData().toByteArray()).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                while (f.hasRemaining()) {
                    n += f.get() != 0 ? 1 : 0;
                }
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dnw", "random", "dnw-no-update", "fine-tune", "complete"})
    void neuronGraphMatchesOnnxRuntimeWithOnlyItsEdges(String variant) throws Exception {
        NeuronGraphSpec spec = new NeuronGraphSpec(12, new int[] {6, 5}, 4, 40, 0);
        NeuronGraphNet net = new NeuronGraphNet(spec, WiringVariants.get(variant), new SplittableRandom(3));
        float[] x = MlpExportTest.randomInput(3 * 12, 4, 1f);
        float[] ours = MlpExportTest.forward(net, x, 3, 12);
        OnnxModel model = OnnxModel.of(net, new int[] {12}, 4, ModelInfo.of("graph", variant));
        float[] theirs = OrtRunner.run(model.toBytes(), "input", x, 3, 12);
        assertThat(theirs).hasSize(12);
        assertThat(OrtRunner.relativeError(theirs, ours)).isLessThanOrEqualTo(1e-5);
        assertThat(nonzeros(model, "w")).isEqualTo(variant.equals("complete") ? spec.potentialEdges() : 40);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void sparseMlpMatchesOnnxRuntimeWithOnlyItsKeptWeights(boolean firstLayerDense) throws Exception {
        Sequential net = SparseMlp.of(20, new int[] {10, 8}, 3, Activation.RELU, 0.25, firstLayerDense,
                WiringVariants.get("dnw"), new SplittableRandom(5));
        float[] x = MlpExportTest.randomInput(4 * 20, 6, 1f);
        float[] ours = MlpExportTest.forward(net, x, 4, 20);
        OnnxModel model = OnnxModel.of(net, new int[] {20}, 3, ModelInfo.of("sparse", ""));
        float[] theirs = OrtRunner.run(model.toBytes(), "input", x, 4, 20);
        assertThat(OrtRunner.relativeError(theirs, ours)).isLessThanOrEqualTo(1e-5);
        long kept = (firstLayerDense ? 200 : WiringVariants.edgesFor(200, 0.25)) + WiringVariants.edgesFor(80, 0.25)
                + WiringVariants.edgesFor(24, 0.25);
        assertThat(nonzeros(model, "0.weight") + nonzeros(model, "2.weight") + nonzeros(model, "4.weight")).isEqualTo(kept);
    }
}
