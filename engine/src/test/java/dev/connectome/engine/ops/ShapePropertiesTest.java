package dev.connectome.engine.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Algebraic identities between the ops, over arbitrary shapes. */
class ShapePropertiesTest {
    private static Tensor counting(int rows, int cols) {
        float[] d = new float[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = i * 0.5f - 3;
        }
        return Tensor.of(d, rows, cols);
    }

    @Property(tries = 50)
    void transposeTwiceIsIdentity(@ForAll @IntRange(min = 1, max = 9) int rows, @ForAll @IntRange(min = 1, max = 9) int cols) {
        Tape t = Tape.inference(Parallelism.single());
        Tensor x = counting(rows, cols);
        Tensor y = ShapeOps.transpose(t, ShapeOps.transpose(t, x));
        assertThat(y.shape()).containsExactly(rows, cols);
        assertThat(y.data()).containsExactly(x.data());
    }

    @Property(tries = 50)
    void concatThenSliceGivesThePartsBack(@ForAll @IntRange(min = 1, max = 6) int r1,
            @ForAll @IntRange(min = 0, max = 6) int r2, @ForAll @IntRange(min = 1, max = 6) int cols) {
        Tape t = Tape.inference(Parallelism.single());
        Tensor a = counting(r1, cols);
        Tensor b = Tensor.of(counting(r2, cols).data().clone(), r2, cols);
        Tensor joined = ShapeOps.concat(t, 0, a, b);
        assertThat(ShapeOps.sliceRows(t, joined, 0, r1).data()).containsExactly(a.data());
        assertThat(ShapeOps.sliceRows(t, joined, r1, r1 + r2).data()).containsExactly(b.data());
        // Side by side equals the transpose of stacking the transposes.
        Tensor side = ShapeOps.concat(t, 1, ShapeOps.transpose(t, a), ShapeOps.transpose(t, b));
        assertThat(side.data()).containsExactly(ShapeOps.transpose(t, joined).data());
    }

    @Property(tries = 50)
    void rowBroadcastEqualsAddingAGatheredMatrix(@ForAll @IntRange(min = 1, max = 7) int rows,
            @ForAll @IntRange(min = 1, max = 7) int cols) {
        Tape t = Tape.inference(Parallelism.single());
        Tensor x = counting(rows, cols);
        Tensor bias = ShapeOps.sliceRows(t, counting(2, cols), 1, 2); // shape [1, cols]
        Tensor tiled = ShapeOps.gatherRows(t, bias, new int[rows]);
        assertThat(Arithmetic.add(t, x, bias).data()).containsExactly(Arithmetic.add(t, x, tiled).data());
        assertThat(Arithmetic.mul(t, x, ShapeOps.reshape(t, bias, cols)).data())
                .containsExactly(Arithmetic.mul(t, x, tiled).data());
        assertThat(Reductions.sum(t, Reductions.sum(t, x, 0)).item())
                .isEqualTo(Reductions.sum(t, Reductions.sum(t, x, 1)).item());
    }
}
