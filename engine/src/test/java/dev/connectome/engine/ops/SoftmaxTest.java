package dev.connectome.engine.ops;

import static dev.connectome.engine.GradCheck.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Softmax and log-softmax: values against double references, gradients by finite differences. */
class SoftmaxTest {
    @Test
    void gradients() {
        SplittableRandom rng = new SplittableRandom(91);
        for (int trial = 0; trial < 5; trial++) {
            Tensor x = GradCheck.uniform(rng, -3, 3, rng.nextInt(1, 5), rng.nextInt(1, 7));
            assertGradients(t -> Softmax.softmax(t, x), 1e-2, x);
            assertGradients(t -> Softmax.logSoftmax(t, x), 1e-2, x);
        }
    }

    @Test
    void valuesAndStability() {
        Tape t = Tape.inference(Parallelism.single());
        Tensor x = Tensor.of(new float[] {1, 2, 3, 1000, 0, -1000}, 2, 3);
        Tensor p = Softmax.softmax(t, x);
        Tensor lp = Softmax.logSoftmax(t, x);
        double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
        for (int c = 0; c < 3; c++) {
            assertThat((double) p.get(0, c)).isCloseTo(Math.exp(c + 1) / z, within(1e-7));
            assertThat((double) lp.get(0, c)).isCloseTo(c + 1 - Math.log(z), within(1e-6));
        }
        assertThat(p.data()).doesNotContain(Float.NaN);
        assertThat(p.get(1, 0)).isEqualTo(1f);
        assertThat(lp.get(1, 0)).isEqualTo(0f);
        assertThat(lp.get(1, 2)).isEqualTo(-2000f);
    }

    @Test
    void logSoftmaxPicksMatchCrossEntropy() {
        SplittableRandom rng = new SplittableRandom(92);
        Tensor x = GradCheck.uniform(rng, -3, 3, 4, 5);
        int[] labels = {1, 4, 0, 2};
        Tape t = Tape.inference(Parallelism.single());
        Tensor lp = Softmax.logSoftmax(t, x);
        double nll = 0;
        for (int r = 0; r < 4; r++) {
            nll -= lp.get(r, labels[r]);
        }
        assertThat(nll / 4).isCloseTo(Losses.softmaxCrossEntropy(t, x, labels).item(), within(1e-5));
    }
}
