package dev.connectome.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnx.proto.OnnxMl.NodeProto;
import dev.connectome.engine.Tensor;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Network;
import dev.connectome.nas.cell.Nb201NetworkSettings;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Nb201ExportTest {
    private static final int SIZE = 8;

    static Nb201Network network(String arch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Nb201Network net = new Nb201Network(Nb201Cell.parse(arch), new Nb201NetworkSettings(4, 1, 5, true), rng);
        // Non-trivial BN affine parameters, so a mix-up of scale/shift/mean/var would show.
        for (Tensor p : net.namedParameters().values()) {
            float[] d = p.data();
            for (int i = 0; i < d.length; i++) {
                d[i] += (float) (rng.nextDouble() - 0.5) * 0.2f;
            }
        }
        ConvExportTest.warmUp(net, 4, 3, SIZE, SIZE);
        return net;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|",
        "|nor_conv_1x1~0|+|none~0|none~1|+|skip_connect~0|avg_pool_3x3~1|nor_conv_3x3~2|",
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
        "|none~0|+|skip_connect~0|none~1|+|none~0|nor_conv_1x1~1|avg_pool_3x3~2|",
        "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_3x3~0|none~1|skip_connect~2|"})
    void networkInEvalModeMatchesOnnxRuntime(String arch) throws Exception {
        Nb201Network net = network(arch, arch.hashCode());
        float[] x = MlpExportTest.randomInput(2 * 3 * SIZE * SIZE, 11, 1.5f);
        float[] ours = ConvExportTest.forward(net, x, 2, 3, SIZE, SIZE);
        OnnxModel model = OnnxModel.of(net, new int[] {3, SIZE, SIZE}, 5, ModelInfo.of("nb201", arch));
        float[] theirs = OrtRunner.run(model.toBytes(), "input", x, 2, 3, SIZE, SIZE);
        assertThat(theirs).hasSize(ours.length).hasSize(2 * 5);
        assertThat(OrtRunner.relativeError(theirs, ours)).as(arch).isLessThanOrEqualTo(1e-5);
        long batchNorms = model.proto().getGraph().getNodeList().stream()
                .map(NodeProto::getOpType).filter("BatchNormalization"::equals).count();
        long convEdges = net.cell().ops().stream().filter(op -> op.name().startsWith("NOR_CONV")).count();
        assertThat(batchNorms).as("stem, 2 per reduction block, head, one per conv edge of each of the 3 cells")
                .isEqualTo(1 + 2 * 2 + 1 + 3 * convEdges);
    }
}
