package dev.connectome.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.AvgPool2d;
import dev.connectome.engine.nn.BatchNorm2d;
import dev.connectome.engine.nn.Conv2d;
import dev.connectome.engine.nn.Flatten;
import dev.connectome.engine.nn.GlobalAvgPool;
import dev.connectome.engine.nn.Identity;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.nn.MaxPool2d;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Relu;
import dev.connectome.engine.nn.Sequential;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConvExportTest {

    static float[] forward(Module m, float[] x, int... shape) {
        return m.forward(Tape.inference(Parallelism.single()), Tensor.of(x.clone(), shape)).data().clone();
    }

    /** A few training-mode passes so batch norm's running statistics are not the trivial 0/1. */
    static void warmUp(Module m, int... shape) {
        m.train(true);
        for (int i = 0; i < 3; i++) {
            int n = 1;
            for (int d : shape) {
                n *= d;
            }
            m.forward(Tape.training(Parallelism.single()), Tensor.of(MlpExportTest.randomInput(n, 100 + i, 2f), shape));
        }
        m.train(false);
    }

    @Test
    void convNetWithBatchNormPoolingAndDepthwiseConvMatches() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        Module net = new Sequential(
                new Conv2d(3, 8, 3, 1, 1, 1, false, rng), new BatchNorm2d(8, true), new Relu(),
                new Conv2d(8, 8, 3, 2, 1, 8, true, rng), new BatchNorm2d(8, false), Activation.TANH,
                new AvgPool2d(3, 1, 1), new MaxPool2d(2, 2, 0), new Identity(),
                new Conv2d(8, 6, 1, 1, 0, 1, true, rng), new GlobalAvgPool(),
                new Linear(6, 4, true, Init.torchLinearDefault(), rng));
        warmUp(net, 4, 3, 12, 12);
        float[] x = MlpExportTest.randomInput(2 * 3 * 12 * 12, 8, 1f);
        float[] ours = forward(net, x, 2, 3, 12, 12);
        OnnxModel model = OnnxModel.of(net, new int[] {3, 12, 12}, 4, ModelInfo.of("conv", ""));
        float[] theirs = OrtRunner.run(model.toBytes(), "input", x, 2, 3, 12, 12);
        assertThat(OrtRunner.relativeError(theirs, ours)).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void flattenThenLinearMatches() throws Exception {
        SplittableRandom rng = new SplittableRandom(6);
        Module net = new Sequential(new Conv2d(1, 2, 3, 1, 0, 1, true, rng), new Relu(), new Flatten(),
                new Linear(2 * 4 * 4, 3, true, Init.torchLinearDefault(), rng));
        float[] x = MlpExportTest.randomInput(3 * 36, 9, 1f);
        float[] theirs = OrtRunner.run(OnnxModel.of(net, new int[] {1, 6, 6}, 3, ModelInfo.of("c", "")).toBytes(),
                "input", x, 3, 1, 6, 6);
        assertThat(OrtRunner.relativeError(theirs, forward(net, x, 3, 1, 6, 6))).isLessThanOrEqualTo(1e-5);
    }

    @Test
    void zeroOpKeepsThePyTorchShape() throws Exception {
        Module net = new Sequential(new dev.connectome.engine.nn.Zero(2), new Flatten());
        float[] x = MlpExportTest.randomInput(2 * 3 * 5 * 5, 3, 1f);
        float[] ours = forward(net, x, 2, 3, 5, 5);
        float[] theirs = OrtRunner.run(OnnxModel.of(net, new int[] {3, 5, 5}, 27, ModelInfo.of("z", "")).toBytes(),
                "input", x, 2, 3, 5, 5);
        assertThat(ours).hasSize(2 * 27);
        assertThat(theirs).hasSize(ours.length);
        assertThat(OrtRunner.relativeError(theirs, ours)).isZero(); // -0.0 (x·0 for negative x) equals 0.0
    }

    @Test
    void batchNormWithoutRunningStatisticsIsRefused() {
        Module net = new Sequential(new BatchNorm2d(2, true, false, 0.1f, 1e-5f));
        assertThatThrownBy(() -> OnnxModel.of(net, new int[] {2, 3, 3}, 18, ModelInfo.of("bn", "")))
                .isInstanceOf(OnnxExportException.class).hasMessageContaining("running statistics");
    }
}
