package dev.connectome.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Activations;
import dev.connectome.engine.ops.Convolution;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The tape-free forward conv gives exactly the tape op's output (ReLU'd input or not). */
class ConvForwardTest {
    static Tensor random(SplittableRandom rng, int... shape) {
        float[] d = new float[Tensor.sizeOf(shape)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return Tensor.of(d, shape);
    }

    @ParameterizedTest
    @CsvSource({
        // batch, in, out, size, kernel, stride, padding
        "3, 4, 5, 8, 3, 1, 1",   // same-size masked im2col (≤ 16 wide)
        "2, 3, 6, 32, 3, 1, 1",  // same-size, plain row copies (32 wide)
        "3, 4, 4, 8, 1, 1, 0",   // pointwise: the GEMM reads the (ReLU'd) sample directly
        "2, 4, 8, 9, 3, 2, 1",   // stride 2, odd size
        "2, 2, 3, 7, 5, 1, 2",
    })
    void matchesTapeConvolutionBitwise(int n, int c, int o, int size, int k, int s, int p) {
        SplittableRandom rng = new SplittableRandom(n * 31L + size);
        Tensor x = random(rng, n, c, size, size);
        Tensor w = random(rng, o, c, k, k);
        ConvGeometry geo = new ConvGeometry(c, size, size, k, k, s, p);
        for (boolean relu : new boolean[] {false, true}) {
            Tape tape = Tape.inference(Parallelism.single());
            Tensor in = relu ? Activations.relu(tape, x) : x;
            Tensor expected = Convolution.conv2d(tape, in, w, null, s, p, 1);
            float[] y = new float[expected.size()];
            float[] scratch = new float[ConvForward.scratchSize(geo, relu) + 5];
            ConvForward.forward(x.data(), w.data(), y, n, o, geo, relu, scratch);
            assertThat(y).as("relu=%s", relu).containsExactly(expected.data());
        }
    }

    @Test
    void rejectsShortBuffers() {
        ConvGeometry geo = new ConvGeometry(2, 4, 4, 3, 3, 1, 1);
        assertThatThrownBy(() -> ConvForward.forward(new float[32], new float[36], new float[10], 1, 2, geo, false,
                new float[ConvForward.scratchSize(geo, false)]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too small");
    }
}
