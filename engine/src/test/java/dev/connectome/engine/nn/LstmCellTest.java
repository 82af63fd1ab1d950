package dev.connectome.engine.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Recurrent.LstmState;
import dev.connectome.engine.ops.ShapeOps;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LstmCellTest {

    @Test
    void parametersAndInitRange() {
        LstmCell cell = new LstmCell(3, 5, new SplittableRandom(1));
        assertThat(cell.namedParameters().keySet()).containsExactly("weightIh", "weightHh", "bias");
        assertThat(cell.parameterCount()).isEqualTo(3 * 20 + 5 * 20 + 20);
        double bound = 1 / Math.sqrt(5);
        for (Tensor p : cell.parameters()) {
            for (float v : p.data()) {
                assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound);
            }
        }
    }

    @Test
    void embeddingFeedsLstmAndGradientsReachBoth() {
        SplittableRandom rng = new SplittableRandom(3);
        Embedding emb = new Embedding(4, 3, 0.8, rng);
        LstmCell cell = new LstmCell(3, 4, 0.7, rng);
        int[][] tokens = {{0, 3}, {2, 2}, {1, 0}}; // 3 steps, batch 2; token 2 repeats
        Tensor[] params = {emb.weight(), cell.parameters().get(0), cell.parameters().get(1), cell.parameters().get(2)};
        GradCheck.assertGradients(t -> {
            LstmState s = cell.zeroState(t, 2);
            Tensor[] hs = new Tensor[tokens.length];
            for (int k = 0; k < tokens.length; k++) {
                s = cell.step(t, emb.lookup(t, tokens[k]), s);
                hs[k] = s.h();
            }
            return ShapeOps.concat(t, 0, hs);
        }, 1e-2, params);
    }

    @Test
    void embeddingLookupAndErrors() {
        Embedding emb = new Embedding(3, 2, new SplittableRandom(4));
        Tape tape = Tape.inference(Parallelism.single());
        Tensor out = emb.forward(tape, Tensor.of(new float[] {2, 0}, 2));
        assertThat(out.shape()).containsExactly(2, 2);
        assertThat(out.data()[0]).isEqualTo(emb.weight().data()[4]);
        assertThatThrownBy(() -> emb.lookup(tape, new int[] {3})).hasMessageContaining("token 3");
        assertThatThrownBy(() -> emb.forward(tape, Tensor.of(new float[] {0.5f}, 1))).hasMessageContaining("not an integer");
        LstmCell cell = new LstmCell(2, 3, new SplittableRandom(5));
        assertThatThrownBy(() -> cell.forward(tape, Tensor.zeros(1, 4))).hasMessageContaining("[batch, 2]");
    }
}
