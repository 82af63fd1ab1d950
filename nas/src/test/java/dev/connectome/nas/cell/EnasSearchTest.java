package dev.connectome.nas.cell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.data.EmbeddedSample;
import dev.connectome.nas.search.reinforce.ControllerSettings;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnasSearchTest {
    private static final Dataset.Split SAMPLE = EmbeddedSample.mnist();
    // 2 epochs x (6 shared + 3 controller steps), 5 final samples, 1 retraining epoch: 7 trials, ~1 s.
    private static final EnasSchedule TINY = new EnasSchedule(2, 6, 3, 32, 3e-3, 64, 5, 1);

    private static EnasSearch search(boolean withController, long seed) {
        EnasData data = EnasData.split(SAMPLE.train().slice(0, 720), SAMPLE.validation().slice(0, 100), 60, seed);
        ControllerSettings c = withController ? ControllerSettings.defaults(seed).withSharedHeads(true)
                .withLearningRate(0.003).withLogitShaping(5, 2.5).withEntropy(1e-3) : null;
        return new EnasSearch(data, TINY, 3, 16, c, seed);
    }

    private static List<TrialRecord> run(EnasSearch s, TrialStore store, String name, int trials) {
        try (ThreadExecutor one = ThreadExecutor.of(1)) {
            Study.builder(s.space(), s.strategy(), s.evaluator(), store).name(name).seed(7).direction(Direction.MAXIMIZE)
                    .executor(one).batchSize(1).trials(trials).build().run();
        }
        return store.trials(name);
    }

    @Test
    void studyRecordsSearchChildrenThenTheRetrainedBest() {
        EnasSearch s = search(true, 7);
        try (InMemoryTrialStore store = new InMemoryTrialStore()) {
            List<TrialRecord> t = run(s, store, "e", TINY.trials());
            assertThat(t).hasSize(7).allMatch(TrialRecord::isComplete);
            assertThat(t.subList(0, 6)).allSatisfy(r -> {
                assertThat(r.value()).isBetween(0.0, 100.0);
                assertThat(r.metrics()).containsKey(EnasSearch.EPOCH);
            });
            TrialRecord last = t.get(6);
            assertThat(last.metrics()).containsKeys(EnasSearch.TEST, EnasSearch.SHARED, EnasSearch.SHARED_MEAN,
                    EnasSearch.DISTINCT);
            // the retrained child is the best of the final samples by shared-weight accuracy
            EnasSearch.Selection sel = s.selection().orElseThrow();
            assertThat(last.architecture()).isEqualTo(sel.best().format());
            assertThat(last.metrics().get(EnasSearch.SHARED)).isEqualTo(sel.max());
            assertThat(sel.mean()).isLessThanOrEqualTo(sel.max());
            assertThat(last.metrics().get(EnasSearch.TEST)).isGreaterThan(30.0); // 1 epoch on 600 digits
            assertThat(s.controller().orElseThrow().updates()).isEqualTo(6);
            assertThat(s.strategy().id()).isEqualTo("enas");
        }
    }

    @Test
    void resumedStudyReplaysToTheSameTrials() {
        List<TrialRecord> whole;
        try (InMemoryTrialStore store = new InMemoryTrialStore()) {
            whole = run(search(true, 7), store, "w", TINY.trials());
        }
        try (InMemoryTrialStore store = new InMemoryTrialStore()) {
            run(search(true, 7), store, "r", 4); // stops mid-epoch 2
            List<TrialRecord> resumed = run(search(true, 7), store, "r", TINY.trials());
            assertThat(resumed).extracting(TrialRecord::architecture)
                    .containsExactlyElementsOf(whole.stream().map(TrialRecord::architecture).toList());
            assertThat(resumed).extracting(TrialRecord::value)
                    .containsExactlyElementsOf(whole.stream().map(TrialRecord::value).toList());
        }
    }

    @Test
    void uniformSamplingHasNoControllerAndRejectsAForeignHistory() {
        EnasSearch s = search(false, 3);
        assertThat(s.strategy().id()).isEqualTo("random");
        assertThat(s.controller()).isEmpty();
        assertThatThrownBy(() -> s.replay(List.of(new EnasSearch.Told("0:tanh,0:tanh,0:tanh", 50, null),
                new EnasSearch.Told("0:relu,1:relu,2:relu", 50, null), new EnasSearch.Told("0:relu,0:relu,0:relu", 50, null))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not replay");
    }

    @Test
    void evaluatingATrialAheadOfTheSearchIsRefused() {
        EnasSearch s = search(false, 3);
        EnasCell c = EnasCell.parse("0:tanh,0:relu,1:identity");
        assertThatThrownBy(() -> s.evaluator().evaluate(c,
                dev.connectome.nas.evaluate.TrialContext.detached(2, new java.util.SplittableRandom(1),
                        dev.connectome.engine.Parallelism.single())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("process that trains the shared weights");
    }

    @Test
    void scheduleCountsTrialsAndRejectsBadValues() {
        assertThat(EnasSchedule.bench().trials()).isEqualTo(501);
        assertThatThrownBy(() -> new EnasSchedule(0, 1, 1, 1, 1e-3, 1, 1, 1)).hasMessageContaining("epochs >= 1");
        assertThatThrownBy(() -> new EnasSchedule(1, 1, 1, 1, 1e-3, 1, 1, 0)).hasMessageContaining("retrain epochs >= 1");
    }
}
