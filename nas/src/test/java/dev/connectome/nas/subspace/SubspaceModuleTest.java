package dev.connectome.nas.subspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.connectome.engine.Parallelism;
import dev.connectome.engine.Tape;
import dev.connectome.engine.Tensor;
import dev.connectome.engine.nn.Activation;
import dev.connectome.engine.nn.Mlp;
import dev.connectome.engine.nn.Module;
import dev.connectome.engine.nn.Parameters;
import dev.connectome.engine.ops.Losses;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.task.ClassificationTrainer;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.TrainResult;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.task.TrainingListener;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SubspaceModuleTest {
    private static final int IN = 6;
    private static final int CLASSES = 3;
    private static final int BATCH = 5;
    private static final int[] LABELS = {0, 2, 1, 1, 0};

    private static Module tinyMlp(long seed) {
        return Mlp.of(IN, new int[] {5}, CLASSES, Activation.TANH, new SplittableRandom(seed));
    }

    private static float loss(Module m, float[] x) {
        Tape tape = Tape.inference(Parallelism.single());
        return Losses.softmaxCrossEntropy(tape, m.forward(tape, Tensor.of(x, BATCH, IN)), LABELS).item();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dense-qr", "dense", "sparse", "fastfood"})
    void omegaGradientIsProjectedThetaGradientAndMatchesFiniteDifferences(String type) {
        float[] x = ProjectionContractTest.gaussian(BATCH * IN, 1);
        SubspaceMode mode = type.equals("dense-qr") ? SubspaceMode.ABSOLUTE : SubspaceMode.OFFSET;
        SubspaceModule sub = SubspaceModule.create(tinyMlp(2), Projections.standard().get(type), 7, mode,
                new SplittableRandom(3));
        float[] w = sub.omega().data();
        float[] start = ProjectionContractTest.gaussian(7, 4);
        for (int j = 0; j < 7; j++) {
            w[j] += 0.3f * start[j];
        }
        Tape tape = Tape.training(Parallelism.single());
        Tensor l = Losses.softmaxCrossEntropy(tape, sub.forward(tape, Tensor.of(x, BATCH, IN)), LABELS);
        tape.backward(l);
        float[] got = sub.omega().grad().clone();
        assertThat(l.item()).isCloseTo(loss(sub, x), within(1e-6f));

        // Same θ, ordinary training: dL/dθ, then Pᵀ·dL/dθ by hand.
        Module plain = tinyMlp(99);
        Parameters.load(plain, sub.theta());
        Tape t2 = Tape.training(Parallelism.single());
        t2.backward(Losses.softmaxCrossEntropy(t2, plain.forward(t2, Tensor.of(x, BATCH, IN)), LABELS));
        float[] gTheta = new float[(int) plain.parameterCount()];
        Parameters.gradientsTo(plain.parameters(), gTheta, 0);
        float[] want = sub.projection().projectTranspose(gTheta);
        for (int j = 0; j < 7; j++) {
            assertThat(got[j]).as("dL/dω[%d]", j).isCloseTo(want[j], within(1e-5f));
        }
        // The wrapped module's own gradients were consumed.
        for (Tensor p : sub.inner().parameters()) {
            for (float v : p.grad()) {
                assertThat(v).isZero();
            }
        }
        // Central differences on ω.
        float eps = 1e-2f;
        for (int j = 0; j < 7; j++) {
            float keep = w[j];
            w[j] = keep + eps;
            float up = loss(sub, x);
            w[j] = keep - eps;
            float down = loss(sub, x);
            w[j] = keep;
            double fd = (up - down) / (2.0 * eps);
            assertThat((double) got[j]).as("finite difference %d", j).isCloseTo(fd, within(2e-3 + 2e-2 * Math.abs(fd)));
        }
    }

    @Test
    void offsetModeStartsAtTheModulesInitialisationAndAbsoluteDenseQrToo() {
        Module m = tinyMlp(5);
        float[] init = Parameters.flatten(m);
        SubspaceModule offset = SubspaceModule.create(m, InterleavedFastfood.TYPE, 4, SubspaceMode.OFFSET, new SplittableRandom(1));
        assertThat(offset.theta()).containsExactly(init);
        Module m2 = tinyMlp(5);
        SubspaceModule abs = SubspaceModule.create(m2, DenseQrProjection.TYPE, 4, SubspaceMode.ABSOLUTE, new SplittableRandom(1));
        float[] th = abs.theta();
        for (int i = 0; i < init.length; i++) {
            assertThat(th[i]).isCloseTo(init[i], within(1e-6f));
        }
        assertThat(abs.namedParameters()).containsOnlyKeys("omega");
        assertThat(abs.parameterCount()).isEqualTo(4);
    }

    @Test
    void trainsOnlyOmegaAndKeepsThetaOnTheAffineSubspace() {
        Dataset data = blobs(400, 1);
        TrainSettings s = TrainSettings.defaults().withEpochs(5).withBatchSize(32).withOptimizer(OptimizerSpec.adam(3e-2))
                .withValidationFraction(0.25).withSeed(3);
        Module inner = Mlp.of(20, new int[] {16}, 4, Activation.RELU, s.random("init"));
        float[] theta0 = Parameters.flatten(inner);
        SubspaceModule sub = SubspaceModule.create(inner, InterleavedFastfood.TYPE, 200, SubspaceMode.OFFSET, s.random("proj"));
        TrainResult r = new ClassificationTrainer(s).fit(sub, data, TrainingListener.none());
        assertThat(r.completed()).isTrue();
        assertThat(r.validation().accuracy()).isGreaterThan(0.8);
        float[] theta = sub.theta();
        float[] delta = sub.projection().project(sub.omega().data());
        for (int i = 0; i < theta.length; i++) {
            assertThat(theta[i]).isCloseTo(theta0[i] + delta[i], within(1e-5f));
        }
        assertThat(Parameters.flatten(sub.inner())).containsExactly(theta);
    }

    @Test
    void rejectsAProjectionOfTheWrongSize() {
        assertThatThrownBy(() -> new SubspaceModule(tinyMlp(1), FastfoodProjection.create(10, 2, 0, new SplittableRandom(1)),
                SubspaceMode.OFFSET)).hasMessageContaining("has 53 parameters").hasMessageContaining("D = 10");
    }

    static Dataset blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 20];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 4;
            for (int j = 0; j < 20; j++) {
                x[i * 20 + j] = (float) (rng.nextGaussian() + (j == y[i] ? 3 : 0));
            }
        }
        return Dataset.of("blobs", x, y, new int[] {20}, Dataset.numberedClasses(4));
    }
}
