package dev.connectome.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TapeObserverTest {
    @Test
    void reluReportsItsInputBeforeComputing() {
        Tape tape = Tape.inference(Parallelism.single());
        List<String> ops = new ArrayList<>();
        List<float[]> seen = new ArrayList<>();
        tape.observe((op, input) -> {
            ops.add(op);
            seen.add(input.data().clone());
        });
        Tensor x = Tensor.of(new float[] {-1, 2, -3}, 3);
        Tensor y = Activations.relu(tape, x);
        Activations.relu(tape, Activations.tanh(tape, y));
        assertThat(ops).containsExactly("relu", "relu");
        assertThat(seen.get(0)).containsExactly(-1f, 2f, -3f);
        assertThat(seen.get(1)[1]).isEqualTo((float) Math.tanh(2));

        tape.observe(null);
        Activations.relu(tape, x);
        assertThat(ops).hasSize(2);
    }

    @Test
    void observerSurvivesReset() {
        Tape tape = Tape.training(Parallelism.single());
        int[] calls = {0};
        tape.observe((op, input) -> calls[0]++);
        tape.reset();
        Activations.relu(tape, Tensor.zeros(2));
        assertThat(calls[0]).isEqualTo(1);
        assertThat(tape.observer()).isNotNull();
    }
}
