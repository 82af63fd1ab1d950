package dev.connectome.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SequentialTest {
    /** A parameter-free module that remembers its mode. */
    private static final class ModeSpy implements Module {
        boolean training = true;

        @Override
        public Tensor forward(Tape tape, Tensor x) {
            return x;
        }

        @Override
        public Map<String, Tensor> namedParameters() {
            return Map.of();
        }

        @Override
        public Module train(boolean t) {
            training = t;
            return this;
        }
    }

    @Test
    void namesChildrenByPositionIncludingNestedOnes() {
        SplittableRandom rng = new SplittableRandom(1);
        Sequential inner = new Sequential(new Linear(3, 3, true, Init.heUniform(), rng), Activation.TANH);
        Sequential net = new Sequential(new Linear(2, 3, true, Init.heUniform(), rng), Activation.RELU, inner,
                new Linear(3, 1, false, Init.heUniform(), rng));
        assertThat(net.namedParameters().keySet())
                .containsExactly("0.weight", "0.bias", "2.0.weight", "2.0.bias", "3.weight");
        assertThat(net.parameters()).hasSize(5);
        assertThat(net.namedParameters().get("2.0.weight")).isSameAs(((Linear) inner.get(0)).weight());
        assertThat(net.parameterCount()).isEqualTo(2 * 3 + 3 + 3 * 3 + 3 + 3);
        assertThat(net.size()).isEqualTo(4);
    }

    @Test
    void forwardChainsChildrenAndTheProbeSeesEveryOutput() {
        Linear l = new Linear(Tensor.parameter(new float[] {1, -1}, 1, 2), null);
        Sequential net = new Sequential(l, new Sequential(Activation.RELU, Activation.SQUARE));
        Tape tape = Tape.inference(Parallelism.single());
        Tensor x = Tensor.of(new float[] {3}, 1, 1);
        List<String> seen = new ArrayList<>();
        Tensor y = net.forward(tape, x, (name, m, out) -> seen.add(name + "=" + m + ":" + out.data()[0] + "," + out.data()[1]));
        assertThat(y.data()).containsExactly(9f, 0f);
        assertThat(seen).containsExactly("0=Linear(1 → 2, no bias):3.0,-3.0", "1.0=relu:3.0,0.0",
                "1.1=square:9.0,0.0", "1=Sequential[relu, square]:9.0,0.0");
        assertThat(net.forward(tape, x).data()).containsExactly(9f, 0f);
    }

    @Test
    void trainModeReachesNestedChildren() {
        ModeSpy a = new ModeSpy(), b = new ModeSpy();
        Sequential net = new Sequential(a, new Sequential(b));
        assertThat(net.train(false)).isSameAs(net);
        assertThat(a.training).isFalse();
        assertThat(b.training).isFalse();
        net.train(true);
        assertThat(b.training).isTrue();
    }

    @Test
    void rejectsEmptyOrNullChildren() {
        assertThatThrownBy(Sequential::new).hasMessageContaining("at least one");
        assertThatThrownBy(() -> new Sequential(Activation.RELU, null)).isInstanceOf(NullPointerException.class);
    }
}
