package dev.connectome.nas.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Op;
import dev.connectome.nas.data.ImageBatches;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The NB201 inference pass (dead edges skipped, zero nodes carried as zero, shared ReLUs counted
 * once) gives exactly the K_H of the generic tape forward, on cells chosen to hit every shortcut.
 */
class NaswotFastPathTest {
    static ImageBatches.Batch batch;

    @BeforeAll
    static void makeBatch() {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 6;
        float[] images = new float[n * 3 * 32 * 32];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) rng.nextGaussian();
        }
        batch = new ImageBatches.Batch(images, new int[n], 10, "gaussian noise");
    }

    static List<Nb201Cell> cells() {
        List<Nb201Cell> cells = new ArrayList<>(List.of(
                Nb201Cell.parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"),
                // node 3 has only none inputs: the cell output and all that follows is zero
                Nb201Cell.parse("|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|+|none~0|none~1|none~2|"),
                // node 1 is dead: its only out-edge (1→2) is none, so its conv is not run
                Nb201Cell.parse("|nor_conv_3x3~0|+|skip_connect~0|none~1|+|skip_connect~0|none~1|nor_conv_1x1~2|"),
                // node 1 reaches only a ReLU-conv into a dead node 2
                Nb201Cell.parse("|skip_connect~0|+|none~0|nor_conv_3x3~1|+|nor_conv_1x1~0|none~1|none~2|"),
                // node 1 zero (none input) feeding convs
                Nb201Cell.parse("|none~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|avg_pool_3x3~2|"),
                // skip-only aliases, then accumulated
                Nb201Cell.parse("|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|"),
                Nb201Cell.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"),
                Nb201Cell.parse("|avg_pool_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|none~1|avg_pool_3x3~2|")));
        SplittableRandom rng = new SplittableRandom(5);
        Nb201Op[] ops = Nb201Op.values();
        for (int i = 0; i < 12; i++) {
            Nb201Op[] pick = new Nb201Op[Nb201Cell.EDGES];
            for (int e = 0; e < pick.length; e++) {
                pick[e] = ops[rng.nextInt(ops.length)];
            }
            cells.add(Nb201Cell.of(pick));
        }
        return cells;
    }

    @Test
    void kernelEqualsTheTapeForwardExactly() {
        NaswotScore fast = new NaswotScore(true), tape = new NaswotScore(false);
        for (Nb201Cell cell : cells()) {
            ScoreInput in = new ScoreInput(new Nb201ScoredNetwork(cell, 4, 2), batch, 17 + cell.code(),
                    Parallelism.single());
            NaswotKernel a = fast.kernel(in), b = tape.kernel(in);
            assertThat(a.units()).as(cell.format()).isEqualTo(b.units());
            assertThat(a.layers()).as(cell.format()).isEqualTo(b.layers());
            assertThat(a.matrix()).as(cell.format()).isDeepEqualTo(b.matrix());
        }
    }
}
