package dev.connectome.nas.wann;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.Seeds;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.task.control.CartPoleSwingUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WannEvolutionTest {

    private static final WannTasks.Spec SWING = WannTasks.get("swingup");
    private static final WannSettings SMALL = WannSettings.laptop().withPopulation(10).withGenerations(3);

    private static WannEvolution strategy(long seed) {
        return new WannEvolution(WannSearch.space(SWING, SMALL), SMALL, seed);
    }

    /** Asks a whole generation and tells it made-up scores: fewer connections and later members score higher. */
    private static List<WannCandidate> runGeneration(WannEvolution s, int number, long seed) {
        List<WannCandidate> asked = new ArrayList<>();
        for (int i = 0; i < SMALL.populationSize(); i++) {
            asked.add(s.ask(Seeds.trial(seed, number * SMALL.populationSize() + i)));
        }
        for (int i = 0; i < asked.size(); i++) {
            WannCandidate c = asked.get(i);
            double mean = i - 0.1 * c.graph().enabledConnectionCount();
            s.tell(c, Evaluation.complete(mean, Map.of("max", mean + 1), 0));
        }
        return asked;
    }

    @Test
    void firstGenerationIsInitialGenomes() {
        WannEvolution s = strategy(1);
        List<WannCandidate> gen0 = runGeneration(s, 0, 1);
        assertThat(gen0).allSatisfy(c -> {
            assertThat(c.generation()).isZero();
            assertThat(c.graph().hiddenCount()).isZero();
            assertThat(c.graph().connections()).hasSize(6);
        });
        assertThat(s.generation()).isEqualTo(1);
        assertThat(s.parents()).hasSize(SMALL.parentCount()); // 10 − floor(0.2·10) = 8
    }

    @Test
    void elitesAreCopiedAndOtherChildrenAreOneMutationFromAParent() {
        WannEvolution s = strategy(2);
        runGeneration(s, 0, 2);
        List<WannCandidate> parents = s.parents();
        List<WannCandidate> gen1 = runGeneration(s, 1, 2);
        int elites = SMALL.eliteCount(); // floor(0.05 · 8) = 0 for the laptop preset
        for (int i = 0; i < elites; i++) {
            assertThat(gen1.get(i).graph()).isEqualTo(parents.get(i).graph());
        }
        for (int i = elites; i < gen1.size(); i++) {
            WannCandidate child = gen1.get(i);
            assertThat(child.generation()).isEqualTo(1);
            assertThat(parents).noneMatch(p -> p.graph().equals(child.graph()));
        }
    }

    @Test
    void elitesLeadTheNextGenerationWhenTheRatioAllowsThem() {
        WannSettings withElites = WannSettings.defaults().withPopulation(10).withGenerations(3); // elite 0.2 → 1
        WannEvolution s = new WannEvolution(WannSearch.space(SWING, withElites), withElites, 3);
        for (int i = 0; i < 10; i++) {
            WannCandidate c = s.ask(Seeds.trial(3, i));
            s.tell(c, Evaluation.complete(i, Map.of("max", (double) i), 0));
        }
        assertThat(withElites.eliteCount()).isEqualTo(1);
        WannCandidate first = s.ask(Seeds.trial(3, 10));
        assertThat(first.graph()).isEqualTo(s.parents().get(0).graph());
    }

    @Test
    void restoredSnapshotAsksTheSameChildren() {
        WannEvolution a = strategy(4);
        runGeneration(a, 0, 4);
        runGeneration(a, 1, 4);
        WannEvolution b = strategy(4);
        b.restore(a.snapshot());
        for (int i = 0; i < SMALL.populationSize(); i++) {
            assertThat(b.ask(Seeds.trial(4, 20 + i))).isEqualTo(a.ask(Seeds.trial(4, 20 + i)));
        }
    }

    @Test
    void askingPastTheGenerationIsRefused() {
        WannEvolution s = strategy(5);
        for (int i = 0; i < SMALL.populationSize(); i++) {
            s.ask(Seeds.trial(5, i));
        }
        assertThatThrownBy(() -> s.ask(Seeds.trial(5, 99))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("batch size");
    }

    @Test
    void failedMembersRankLast() {
        WannEvolution s = strategy(6);
        List<WannCandidate> asked = new ArrayList<>();
        for (int i = 0; i < SMALL.populationSize(); i++) {
            asked.add(s.ask(Seeds.trial(6, i)));
        }
        for (int i = 0; i < asked.size(); i++) {
            s.tell(asked.get(i), i < 2 ? Evaluation.failed("boom") : Evaluation.complete(100 + i, Map.of("max", 200.0), 0));
        }
        assertThat(s.parents()).doesNotContain(asked.get(0), asked.get(1));
    }

    @Test
    void studyResumedAfterTwoGenerationsEndsLikeAnUninterruptedRun() {
        WannSearchSettings two = settings(2);
        WannSearchSettings four = settings(4);
        ControlWannTask task = new ControlWannTask(CartPoleSwingUp.hard());
        TrialStore split = new InMemoryTrialStore();
        TrialStore whole = new InMemoryTrialStore();
        try (ThreadExecutor ex = ThreadExecutor.of(2)) {
            WannSearch.builder("s", two, task, null, split, ex).build().run();
            StudyResult resumed = WannSearch.builder("s", four, task, null, split, ex).build().run();
            StudyResult straight = WannSearch.builder("s", four, task, null, whole, ex).build().run();
            assertThat(resumed.complete()).isEqualTo(4 * 8);
            assertThat(architectures(split)).isEqualTo(architectures(whole));
            assertThat(resumed.best().map(TrialRecord::value)).isEqualTo(straight.best().map(TrialRecord::value));
            assertThat(resumed.best().orElseThrow().metrics()).containsKeys("max", "connections", "w=-1.0");
            assertThat(WannSearch.settingsOf(split.findStudy("s").orElseThrow())).isEqualTo(two); // as created
        }
    }

    private static List<String> architectures(TrialStore store) {
        return store.trials("s").stream().map(TrialRecord::architecture).toList();
    }

    private static WannSearchSettings settings(int generations) {
        WannSettings w = WannSettings.laptop().withPopulation(8).withGenerations(generations).withRepeats(1);
        return new WannSearchSettings("swingup", "laptop", w, 42, 2, null, null);
    }
}
