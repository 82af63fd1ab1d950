package dev.connectome.nas.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.task.ClassificationTrainer;
import dev.connectome.nas.task.OptimizerSpec;
import dev.connectome.nas.task.ScheduleSpec;
import dev.connectome.nas.task.TrainResult;
import dev.connectome.nas.task.TrainSettings;
import dev.connectome.nas.task.TrainingListener;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** DNW trains a neuron graph on separable synthetic data, and the recorder sees the wiring change. */
class WiringRecorderTest {

    /** 4 classes; class c lights up inputs 4c..4c+3 (of 16), plus noise. */
    static Dataset blobs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] x = new float[n * 16];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(4);
            for (int j = 0; j < 16; j++) {
                x[i * 16 + j] = (float) (0.5 * rng.nextGaussian() + (j / 4 == y[i] ? 1.5 : 0));
            }
        }
        return Dataset.of("blobs", x, y, new int[] {16}, Dataset.numberedClasses(4));
    }

    @Test
    void dnwLearnsAndTheWiringChangesOverTraining() {
        NeuronGraphSpec spec = new NeuronGraphSpec(16, new int[] {8, 8}, 4, 40, 4);
        TrainSettings settings = new TrainSettings(4, 32, 1, 1,
                new OptimizerSpec(OptimizerSpec.Kind.SGD, 0.1, 0.9, false, 1e-4, 0.9, 0.999, 1e-8, 0.99),
                ScheduleSpec.constant(), 0, 0.2);
        NeuronGraphNet net = new NeuronGraphNet(spec, new Dnw(), settings.random("init"));
        WiringRecorder recorder = new WiringRecorder(net, 10, TrainingListener.none());
        recorder.recordInitial();
        TrainResult r = new ClassificationTrainer(settings).fit(net, blobs(800, 3), recorder);
        assertThat(r.completed()).isTrue();
        assertThat(r.validation().accuracy()).isGreaterThan(0.9);
        var snaps = recorder.snapshots();
        assertThat(snaps.size()).isGreaterThanOrEqualTo(1 + 80 / 10);
        assertThat(snaps.get(0).step()).isZero();
        assertThat(snaps).allSatisfy(s -> assertThat(s.edgeCount()).isEqualTo(40));
        assertThat(snaps.get(snaps.size() - 1).edgesAddedSince(snaps.get(0), 100)).as("edges swapped in").isPositive();
        WiringHistory h = recorder.history("test");
        assertThat(h.layout().blocks()).hasSize(4);
        assertThat(h.snapshots()).hasSize(snaps.size());
    }
}
