package dev.connectome.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParametersTest {
    @Test
    void flattenAndLoadRoundTripInNameOrder() {
        Sequential net = Mlp.of(3, new int[] {4}, 2, Activation.RELU, new SplittableRandom(3));
        float[] flat = Parameters.flatten(net);
        assertThat(flat).hasSize(3 * 4 + 4 + 4 * 2 + 2);
        // The bias of layer 0 follows its weight.
        assertThat(flat[12]).isEqualTo(((Linear) net.get(0)).bias().data()[0]);
        Sequential other = Mlp.of(3, new int[] {4}, 2, Activation.RELU, new SplittableRandom(4));
        assertThat(Parameters.flatten(other)).isNotEqualTo(flat);
        Parameters.load(other, flat);
        assertThat(Parameters.flatten(other)).isEqualTo(flat);
    }

    @Test
    void copyAtOffsetsAndGradients() {
        Tensor a = Tensor.parameter(new float[] {1, 2}, 2);
        Tensor b = Tensor.parameter(new float[] {3}, 1);
        Tensor c = Tensor.of(new float[] {4}, 1); // no gradient
        float[] dst = new float[6];
        assertThat(Parameters.copyTo(List.of(a, b, c), dst, 1)).isEqualTo(5);
        assertThat(dst).containsExactly(0, 1, 2, 3, 4, 0);
        assertThat(Parameters.copyFrom(new float[] {9, 8, 7, 6, 5}, 1, List.of(a, b, c))).isEqualTo(5);
        assertThat(a.data()).containsExactly(8, 7);
        assertThat(c.data()).containsExactly(5);
        a.grad()[1] = 3;
        b.grad()[0] = 4;
        float[] g = {-1, -1, -1, -1};
        Parameters.gradientsTo(List.of(a, b, c), g, 0);
        assertThat(g).containsExactly(0, 3, 4, 0);
        assertThat(Parameters.gradNorm(List.of(a, b, c))).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void sizeMismatchesNameTheCounts() {
        Sequential net = Mlp.of(2, new int[] {2}, 1, Activation.RELU, new SplittableRandom(3));
        assertThatThrownBy(() -> Parameters.load(net, new float[5]))
                .hasMessageContaining("9 parameter values").hasMessageContaining("5");
        assertThatThrownBy(() -> Parameters.copyTo(net.parameters(), new float[9], 1))
                .hasMessageContaining("offset 1");
    }
}
