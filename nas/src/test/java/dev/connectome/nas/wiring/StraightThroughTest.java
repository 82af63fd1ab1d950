package dev.connectome.nas.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Init;
import dev.connectome.engine.nn.Linear;
import dev.connectome.engine.ops.Losses;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * DNW's straight-through rule: the gradient of every weight, chosen or not, equals the gradient of
 * the dense network whose weights are the chosen values (zero where unchosen).
 */
class StraightThroughTest {

    private static Tensor batch(SplittableRandom rng, int rows, int cols) {
        float[] x = new float[rows * cols];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return Tensor.of(x, rows, cols);
    }

    private static int[] labels(SplittableRandom rng, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(classes);
        }
        return y;
    }

    @Test
    void sparseLinearGradientEqualsTheDenseGradientForAllWeights() {
        SplittableRandom rng = new SplittableRandom(1);
        SparseLinear sparse = new SparseLinear(12, 7, 0.2, new Dnw(), Init.torchLinearDefault(), rng);
        Tensor x = batch(rng, 9, 12);
        int[] y = labels(rng, 9, 7);
        Tape tape = Tape.training(Parallelism.single());
        tape.backward(Losses.softmaxCrossEntropy(tape, sparse.forward(tape, x), y));
        boolean[] keep = sparse.selection().active()[0];

        float[] masked = sparse.weight().data().clone();
        for (int i = 0; i < masked.length; i++) {
            masked[i] = keep[i] ? masked[i] : 0f;
        }
        Linear dense = new Linear(Tensor.parameter(masked, 12, 7), Tensor.parameter(sparse.bias().data().clone(), 7));
        Tape t2 = Tape.training(Parallelism.single());
        t2.backward(Losses.softmaxCrossEntropy(t2, dense.forward(t2, x), y));

        assertThat(sparse.weight().grad()).containsExactly(dense.weight().grad());
        assertThat(sparse.bias().grad()).containsExactly(dense.bias().grad());
        int unchosenWithGradient = 0;
        for (int i = 0; i < keep.length; i++) {
            if (!keep[i] && sparse.weight().grad()[i] != 0f) {
                unchosenWithGradient++;
            }
        }
        assertThat(unchosenWithGradient).as("unused edges receive gradient").isGreaterThan(40);
    }

    @Test
    void neuronGraphGradientEqualsTheCompleteGraphGradientAtTheMaskedWeights() {
        NeuronGraphSpec spec = new NeuronGraphSpec(10, new int[] {6, 5}, 3, 40, 0);
        NeuronGraphNet dnw = new NeuronGraphNet(spec, new Dnw(), new SplittableRandom(2));
        NeuronGraphNet complete = new NeuronGraphNet(spec, new CompleteGraph(), new SplittableRandom(3));
        SplittableRandom rng = new SplittableRandom(4);
        Tensor x = batch(rng, 8, 10);
        int[] y = labels(rng, 8, 3);
        Tape tape = Tape.training(Parallelism.single());
        tape.backward(Losses.softmaxCrossEntropy(tape, dnw.forward(tape, x), y));

        boolean[][] active = dnw.selection().active();
        var dnwParams = dnw.parameters();
        var denseParams = complete.parameters();
        for (int p = 0; p < dnwParams.size(); p++) {
            float[] v = dnwParams.get(p).data().clone();
            if (p % 2 == 0) { // weights w1, w2, w3 (biases in between stay dense)
                boolean[] keep = active[p / 2];
                for (int i = 0; i < v.length; i++) {
                    v[i] = keep[i] ? v[i] : 0f;
                }
            }
            System.arraycopy(v, 0, denseParams.get(p).data(), 0, v.length);
        }
        Tape t2 = Tape.training(Parallelism.single());
        t2.backward(Losses.softmaxCrossEntropy(t2, complete.forward(t2, x), y));
        for (int p = 0; p < dnwParams.size(); p++) {
            assertThat(dnwParams.get(p).grad()).as("parameter %d", p).containsExactly(denseParams.get(p).grad());
        }
    }

    @Test
    void sparseMlpKeepsTheRequestedFractionPerLayer() {
        var model = SparseMlp.of(20, new int[] {10}, 4, Activation.RELU, 0.1, true, new Dnw(), new SplittableRandom(5));
        assertThat(model.get(0)).isInstanceOf(Linear.class);
        SparseLinear second = (SparseLinear) model.get(2);
        assertThat(second.activeWeights()).isEqualTo(4); // 40 − floor(0.9·40)
        assertThat(SparseMlp.activeParameters(model)).isEqualTo(20 * 10 + 10 + 4 + 4);
        var allSparse = SparseMlp.of(20, new int[] {10}, 4, Activation.RELU, 0.2, false, new Dnw(), new SplittableRandom(5));
        assertThat(((SparseLinear) allSparse.get(0)).activeWeights()).isEqualTo(40);
    }
}
