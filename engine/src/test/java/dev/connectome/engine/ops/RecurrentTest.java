package dev.connectome.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.ops.Recurrent.LstmState;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecurrentTest {

    /** Values from torch.nn.LSTMCell(2, 3) with the same weights (bias_ih = b, bias_hh = 0); script in the test. */
    @Test
    void lstmStepMatchesPyTorch() {
        int in = 2, h = 3;
        float[] wih = new float[in * 4 * h];
        float[] whh = new float[h * 4 * h];
        float[] b = new float[4 * h];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < 4 * h; j++) {
                wih[i * 4 * h + j] = ((i * 7 + j * 3) % 11 - 5) / 10f;
            }
        }
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < 4 * h; j++) {
                whh[i * 4 * h + j] = ((i * 5 + j * 2) % 13 - 6) / 10f;
            }
        }
        for (int j = 0; j < 4 * h; j++) {
            b[j] = ((j * 3) % 7 - 3) / 10f;
        }
        Tape tape = Tape.inference(Parallelism.single());
        Tensor x = Tensor.of(new float[] {0.5f, -1f, 1.5f, 0.25f}, 2, 2);
        LstmState prev = new LstmState(Tensor.of(new float[] {0.1f, -0.2f, 0.3f, 0f, 0.4f, -0.5f}, 2, 3),
                Tensor.of(new float[] {0.5f, -0.5f, 1f, -1f, 0.2f, 0f}, 2, 3));
        LstmState next = Recurrent.lstmStep(tape, x, prev, Tensor.of(wih, in, 4 * h), Tensor.of(whh, h, 4 * h),
                Tensor.of(b, 4 * h));
        double[] hRef = {0.24515919, -0.11910032, 0.09184826, -0.37388402, 0.10589629, 0.00674699};
        double[] cRef = {0.41812557, -0.24541789, 0.19795260, -0.67376339, 0.16175202, 0.02033655};
        for (int i = 0; i < 6; i++) {
            assertThat((double) next.h().data()[i]).as("h[%d]", i).isCloseTo(hRef[i], within(1e-6));
            assertThat((double) next.c().data()[i]).as("c[%d]", i).isCloseTo(cRef[i], within(1e-6));
        }
        // torch script (python3):
        //   wih[i][j] = ((i*7+j*3)%11-5)/10 as [I,4H]; cell.weight_ih = wih.T; whh likewise with (i*5+j*2)%13-6;
        //   bias_ih[j] = ((j*3)%7-3)/10, bias_hh = 0; h2, c2 = cell(x, (h, c))
    }

    @Test
    void pointwiseGradientsIntoGatesAndCell() {
        SplittableRandom rng = new SplittableRandom(1);
        Tensor z = GradCheck.uniform(rng, -2, 2, 3, 8);
        Tensor c = GradCheck.uniform(rng, -1.5, 1.5, 3, 2);
        GradCheck.assertGradients(t -> Recurrent.lstmPointwise(t, z, c).h(), 1e-2, z, c);
        GradCheck.assertGradients(t -> Recurrent.lstmPointwise(t, z, c).c(), 1e-2, z, c);
        // both outputs used at once: the h' path must reach the gates through c' as well
        GradCheck.assertGradients(t -> {
            LstmState s = Recurrent.lstmPointwise(t, z, c);
            return ShapeOps.concat(t, 1, s.h(), s.c());
        }, 1e-2, z, c);
    }

    @Test
    void unrolledSequenceGradientsIntoEveryWeight() {
        SplittableRandom rng = new SplittableRandom(2);
        int in = 3, h = 4, batch = 2, steps = 4;
        Tensor wih = GradCheck.uniform(rng, -0.6, 0.6, in, 4 * h);
        Tensor whh = GradCheck.uniform(rng, -0.6, 0.6, h, 4 * h);
        Tensor b = GradCheck.uniform(rng, -0.3, 0.3, 4 * h);
        Tensor xs = GradCheck.uniform(rng, -1, 1, steps * batch, in);
        Tensor h0 = GradCheck.uniform(rng, -0.5, 0.5, batch, h);
        GradCheck.assertGradients(t -> {
            LstmState s = new LstmState(h0, t.zeros(false, batch, h));
            Tensor[] hs = new Tensor[steps];
            for (int k = 0; k < steps; k++) {
                Tensor x = ShapeOps.sliceRows(t, xs, k * batch, (k + 1) * batch);
                s = Recurrent.lstmStep(t, x, s, wih, whh, b);
                hs[k] = s.h();
            }
            return ShapeOps.concat(t, 0, hs);
        }, 1e-2, wih, whh, b, xs, h0);
    }

    @Test
    void rejectsMismatchedGates() {
        Tape tape = Tape.inference(Parallelism.single());
        assertThatThrownBy(() -> Recurrent.lstmPointwise(tape, Tensor.zeros(2, 7), Tensor.zeros(2, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 8]");
    }
}
