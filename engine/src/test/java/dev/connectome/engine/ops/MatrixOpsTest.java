package dev.connectome.engine.ops;

import static dev.connectome.engine.GradCheck.assertGradients;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.GradCheck;
import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** matmul: values against a double loop, gradients by finite differences (tolerance: see {@link GradCheck}). */
class MatrixOpsTest {
    @Test
    void matmulGradients() {
        SplittableRandom rng = new SplittableRandom(71);
        for (int trial = 0; trial < 5; trial++) {
            int[] mkn = GradCheck.randomShape(rng, 3, 9);
            Tensor a = GradCheck.uniform(rng, -1, 1, mkn[0], mkn[1]);
            Tensor b = GradCheck.uniform(rng, -1, 1, mkn[1], mkn[2]);
            assertGradients(t -> MatrixOps.matmul(t, a, b), 1e-2, a, b);
        }
    }

    @Test
    void matmulMatchesADoubleReference() {
        SplittableRandom rng = new SplittableRandom(72);
        int m = 13, k = 37, n = 11;
        Tensor a = GradCheck.uniform(rng, -1, 1, m, k);
        Tensor b = GradCheck.uniform(rng, -1, 1, k, n);
        Tensor c = MatrixOps.matmul(Tape.inference(Parallelism.single()), a, b);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += (double) a.get(i, p) * b.get(p, j);
                }
                // k products of magnitude ≤ 1 in float: error well under k·ε ≈ 4e-6.
                assertThat((double) c.get(i, j)).isCloseTo(s, org.assertj.core.api.Assertions.within(1e-5));
            }
        }
    }

    @Test
    void matmulRejectsMismatchedShapes() {
        Tape t = Tape.inference(Parallelism.single());
        assertThatThrownBy(() -> MatrixOps.matmul(t, Tensor.zeros(2, 3), Tensor.zeros(4, 2)))
                .hasMessageContaining("inner dimensions");
    }
}
