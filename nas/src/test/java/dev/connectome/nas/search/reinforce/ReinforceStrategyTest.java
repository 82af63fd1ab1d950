package dev.connectome.nas.search.reinforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.Seeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReinforceStrategyTest {

    private static final List<Integer> TARGET = List.of(3, 1, 4, 1, 0, 2);

    private static double reward(List<Integer> a) {
        int match = 0;
        for (int i = 0; i < a.size(); i++) {
            match += a.get(i).equals(TARGET.get(i)) ? 1 : 0;
        }
        return 100.0 * match / a.size(); // percent, like the NB201 table
    }

    private static ReinforceStrategy<List<Integer>> strategy(ControllerSettings s) {
        return new ReinforceStrategy<>(new TokenSpace(5, 5, 5, 5, 5, 5), s);
    }

    private static void run(ReinforceStrategy<List<Integer>> s, int from, int to) {
        for (int n = from; n < to; n++) {
            List<Integer> a = s.ask(Seeds.trial(42, n));
            s.tell(a, Evaluation.complete(reward(a)));
        }
    }

    private static List<Integer> mode(ReinforceStrategy<List<Integer>> s, int samples, double[] share) {
        Map<List<Integer>, Integer> counts = new HashMap<>();
        for (int i = 0; i < samples; i++) {
            List<Integer> a = new TokenSpace(5, 5, 5, 5, 5, 5).tokens().decode(
                    s.controller().sample(Seeds.trial(7, i)).tokens());
            counts.merge(a, 1, Integer::sum);
        }
        Map.Entry<List<Integer>, Integer> best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        share[0] = best.getValue() / (double) samples;
        return best.getKey();
    }

    @Test
    void learnsTheKnownBestSequence() {
        ReinforceStrategy<List<Integer>> s = strategy(ControllerSettings.defaults(1));
        double[] share = new double[1];
        List<Integer> before = mode(s, 300, share);
        assertThat(share[0]).as("an untrained controller is near uniform").isLessThan(0.05);
        run(s, 0, 400);
        List<Integer> after = mode(s, 300, share);
        assertThat(after).isEqualTo(TARGET);
        assertThat(share[0]).isGreaterThan(0.5);
        assertThat(before).isNotEqualTo(TARGET);
        assertThat(s.updates()).isEqualTo(400);
    }

    @Test
    void sharedHeadsLearnToo() {
        ReinforceStrategy<List<Integer>> s = strategy(ControllerSettings.defaults(1).withSharedHeads(true)
                .withLearningRate(0.003));
        run(s, 0, 600);
        double[] share = new double[1];
        assertThat(mode(s, 200, share)).isEqualTo(TARGET);
    }

    @Test
    void learnsWithCubedRewardInBatches() {
        ControllerSettings cs = ControllerSettings.defaults(2).withReward("accuracy3", 100).withBatch(4);
        ReinforceStrategy<List<Integer>> s = strategy(cs);
        run(s, 0, 1000);
        double[] share = new double[1];
        assertThat(mode(s, 200, share)).isEqualTo(TARGET);
        assertThat(s.updates()).isEqualTo(250);
    }

    @Test
    void memoryRegulariserFillsItsBufferAndAddsTheSupervisedLoss() {
        MemorySettings m = new MemorySettings(10, 1, 20, 50, 5, 2, 8, 1.0);
        ReinforceStrategy<List<Integer>> with = strategy(ControllerSettings.defaults(2).withMemory(m));
        ReinforceStrategy<List<Integer>> without = strategy(ControllerSettings.defaults(2));
        run(with, 0, 10);
        run(without, 0, 10);
        assertThat(with.memorySize()).isEqualTo(20); // end of epoch 1
        List<Integer> a = with.ask(Seeds.trial(1, 0));
        assertThat(a).as("no L_sup in epoch 1, so the same controller").isEqualTo(without.ask(Seeds.trial(1, 0)));
        with.tell(a, Evaluation.complete(reward(a)));
        without.tell(a, Evaluation.complete(reward(a)));
        run(with, 11, 60);
        run(without, 11, 60);
        assertThat(with.memorySize()).isEqualTo(50); // 20, 40, 50, then replacements
        assertThat(with.controller().logProb(TARGET.stream().mapToInt(Integer::intValue).toArray()))
                .as("L_sup changed the updates from epoch 2 on")
                .isNotEqualTo(without.controller().logProb(TARGET.stream().mapToInt(Integer::intValue).toArray()));
    }

    @Test
    void sameSeedSameSearchAndSnapshotRestoreContinuesExactly() {
        ControllerSettings cs = ControllerSettings.defaults(3).withBatch(3)
                .withMemory(new MemorySettings(2, 1, 5, 12, 2, 2, 4, 0.5));
        ReinforceStrategy<List<Integer>> a = strategy(cs);
        ReinforceStrategy<List<Integer>> b = strategy(cs);
        run(a, 0, 40);
        run(b, 0, 40);
        List<Integer> failed = a.ask(Seeds.trial(42, 40));
        a.tell(failed, Evaluation.failed("boom"));
        b.tell(b.ask(Seeds.trial(42, 40)), Evaluation.failed("boom"));
        String snap = a.snapshot();
        ReinforceStrategy<List<Integer>> restored = strategy(cs);
        restored.restore(snap);
        assertThat(restored.snapshot()).isEqualTo(snap);
        assertThat(restored.baseline()).isEqualTo(a.baseline());
        List<List<Integer>> fromA = new ArrayList<>(), fromB = new ArrayList<>(), fromR = new ArrayList<>();
        for (int n = 41; n < 60; n++) {
            fromA.add(next(a, n));
            fromB.add(next(b, n));
            fromR.add(next(restored, n));
        }
        assertThat(fromB).isEqualTo(fromA);
        assertThat(fromR).isEqualTo(fromA);
        assertThat(a.history()).hasSize(60);
        assertThat(a.history().get(40).value()).isNaN();
        assertThat(a.asked()).hasSize(60);
        assertThat(a.asked().get(0).hidden()).hasDimensions(6, 32);
    }

    private static List<Integer> next(ReinforceStrategy<List<Integer>> s, int n) {
        List<Integer> x = s.ask(Seeds.trial(42, n));
        s.tell(x, Evaluation.complete(reward(x)));
        return x;
    }

    @Test
    void rejectsForeignSnapshotsAndBadSettings() {
        ReinforceStrategy<List<Integer>> s = strategy(ControllerSettings.defaults(4));
        assertThatThrownBy(() -> s.restore("{\"strategy\":\"random\"}")).hasMessageContaining("not a reinforce");
        assertThatThrownBy(() -> s.restore("{oops")).hasMessageContaining("malformed");
        ReinforceStrategy<List<Integer>> other = strategy(ControllerSettings.defaults(5));
        assertThatThrownBy(() -> s.restore(other.snapshot())).hasMessageContaining("other controller settings");
        assertThatThrownBy(() -> ControllerSettings.defaults(1).withReward("accuracy9", 1))
                .hasMessageContaining("accuracy9").hasMessageContaining("accuracy3");
        assertThatThrownBy(() -> ControllerSettings.defaults(1).withLearningRate(0)).hasMessageContaining("learning rate");
    }

    @Test
    void layoutSharesHeadsBetweenDecisionsWithTheSameLabels() {
        DecisionLayout shared = DecisionLayout.of(new TokenSpace(5, 5, 3).tokens(), false);
        assertThat(shared.typeOf()).containsExactly(0, 0, 1);
        assertThat(shared.options()).containsExactly(5, 3);
        DecisionLayout own = DecisionLayout.of(new TokenSpace(5, 5, 3).tokens(), true);
        assertThat(own.typeOf()).containsExactly(0, 1, 2);
        assertThatThrownBy(() -> shared.check(new int[] {0, 5, 0})).hasMessageContaining("position 1");
    }
}
