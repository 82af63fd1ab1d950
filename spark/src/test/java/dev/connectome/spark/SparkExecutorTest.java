package dev.connectome.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.cell.Nb201Cell;
import dev.connectome.nas.cell.Nb201Dataset;
import dev.connectome.nas.cell.Nb201Search;
import dev.connectome.nas.cell.Nb201SearchSettings;
import dev.connectome.nas.cell.Nb201Space;
import dev.connectome.nas.cell.Nb201TableEvaluator;
import dev.connectome.nas.data.Dataset;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.evaluate.TrialContext;
import dev.connectome.nas.search.RandomSearch;
import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.IntermediateValue;
import dev.connectome.nas.study.PendingTrial;
import dev.connectome.nas.study.Seeds;
import dev.connectome.nas.study.Study;
import dev.connectome.nas.study.StudyResult;
import dev.connectome.nas.study.ThreadExecutor;
import dev.connectome.nas.study.TrialExecutor;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.nas.study.TrialStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SparkExecutor in local[2] mode (UI off, driver on loopback) against the thread executor. */
class SparkExecutorTest {

    private static final Nb201Space SPACE = new Nb201Space();
    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        SparkConf conf = new SparkConf()
                .setMaster("local[2]")
                .setAppName("connectome-spark-test")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1");
        spark = new JavaSparkContext(conf);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    private static SparkExecutor<Nb201Cell, Nb201Dataset> tableExecutor() {
        return SparkExecutor.<Nb201Cell, Nb201Dataset>builder()
                .setContext(spark)
                .setEvaluator(Nb201Dataset.CIFAR10, Nb201TableEvaluator::new)
                .setCodec(ArchitectureCodec.of(Nb201Space::new))
                .build();
    }

    private static List<TrialRecord> runNb201(String strategy, TrialExecutor executor) {
        TrialStore store = new InMemoryTrialStore();
        Nb201SearchSettings s = Nb201SearchSettings.of(strategy, 40, 2024).withWorkers(2, 2);
        StudyResult result = Nb201Search.builder("s", s, store, executor).build().run();
        assertThat(result.complete()).isEqualTo(40);
        return store.trials("s");
    }

    /** What must agree between two runs: everything but worker ids and timestamps. */
    private static List<String> outcome(List<TrialRecord> trials) {
        List<String> out = new ArrayList<>();
        for (TrialRecord r : trials) {
            out.add(r.number() + " " + r.architecture() + " " + r.state() + " " + r.value() + " " + r.metrics());
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"random", "evolution"})
    void nb201StudyOnSparkMatchesThreads(String strategy) {
        List<TrialRecord> threads;
        try (ThreadExecutor t = ThreadExecutor.of(2)) {
            threads = runNb201(strategy, t);
        }
        List<TrialRecord> onSpark;
        try (SparkExecutor<Nb201Cell, Nb201Dataset> e = tableExecutor()) {
            assertThat(e.slots()).isEqualTo(2); // local[2]
            onSpark = runNb201(strategy, e);
        }
        assertThat(outcome(onSpark)).isEqualTo(outcome(threads));
        assertThat(Study.best(onSpark, dev.connectome.nas.study.Direction.MAXIMIZE).map(TrialRecord::architecture))
                .isEqualTo(Study.best(threads, dev.connectome.nas.study.Direction.MAXIMIZE).map(TrialRecord::architecture))
                .isPresent();
    }

    /** Throws on trial 3, yields NaN on trial 5, reports two intermediate values on every trial. */
    static final class FlakyEvaluator implements Evaluator<Nb201Cell> {
        private final Nb201TableEvaluator table;

        FlakyEvaluator(Nb201Dataset dataset) {
            this.table = new Nb201TableEvaluator(dataset);
        }

        @Override
        public Evaluation evaluate(Nb201Cell cell, TrialContext context) {
            context.reportIntermediate(0, context.number());
            context.reportIntermediate(1, context.number() + 0.5);
            if (context.number() == 3) {
                throw new IllegalStateException("boom on trial 3");
            }
            return context.number() == 5 ? Evaluation.complete(Double.NaN) : table.evaluate(cell, context);
        }

        @Override
        public String id() {
            return "flaky";
        }
    }

    @Test
    void failingTrialsAreFailedWithTheirReasonAndTheStudyGoesOn() {
        TrialStore store = new InMemoryTrialStore();
        EvaluatorFactory<Nb201Cell, Nb201Dataset> factory = FlakyEvaluator::new;
        StudyResult result;
        try (SparkExecutor<Nb201Cell, Nb201Dataset> e = SparkExecutor.<Nb201Cell, Nb201Dataset>builder()
                .setContext(spark).setEvaluator(Nb201Dataset.CIFAR10, factory)
                .setCodec(ArchitectureCodec.of(Nb201Space::new)).build()) {
            result = Study.builder(SPACE, new RandomSearch<>(SPACE), factory.create(Nb201Dataset.CIFAR10), store)
                    .name("flaky").seed(3).trials(10).executor(e).build().run();
        }
        assertThat(result.complete()).isEqualTo(8);
        assertThat(result.failed()).isEqualTo(2);
        List<TrialRecord> trials = store.trials("flaky");
        assertThat(trials).hasSize(10);
        assertThat(trials.get(3).state()).isEqualTo(TrialState.FAILED);
        assertThat(trials.get(3).failure()).isEqualTo("IllegalStateException: boom on trial 3");
        assertThat(trials.get(5).state()).isEqualTo(TrialState.FAILED);
        assertThat(trials.get(5).failure()).contains("NaN");
        assertThat(trials.get(9).state()).isEqualTo(TrialState.COMPLETE);
        // Intermediate values travel back with the task and are stored by the driver, failed trials included.
        assertThat(trials.get(3).intermediate()).containsExactly(new IntermediateValue(0, 3.0), new IntermediateValue(1, 3.5));
        assertThat(trials.get(7).intermediate()).containsExactly(new IntermediateValue(0, 7.0), new IntermediateValue(1, 7.5));
    }

    /** Objective: the label of sample (trial number) of the broadcast data set. */
    static final class LabelEvaluator implements Evaluator<Nb201Cell> {
        private final Dataset data;

        LabelEvaluator(DatasetPayload payload) {
            this.data = payload.dataset();
        }

        @Override
        public Evaluation evaluate(Nb201Cell cell, TrialContext context) {
            return Evaluation.complete(data.label(context.number() % data.size()), Map.of("size", (double) data.size()), 0);
        }

        @Override
        public String id() {
            return "label:" + data.name();
        }
    }

    private static List<PendingTrial<Nb201Cell>> pending(int from, int count) {
        List<PendingTrial<Nb201Cell>> out = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(from);
        for (int n = from; n < from + count; n++) {
            out.add(new PendingTrial<>(n, SPACE.sample(rng), Seeds.evaluationSeed(1, n)));
        }
        return out;
    }

    @Test
    void datasetIsBroadcastOnceAndReachesEveryTask() {
        int[] labels = {4, 1, 3, 0, 2, 2, 1};
        Dataset data = Dataset.of("tiny", new float[labels.length * 2], labels, new int[] {2}, Dataset.numberedClasses(5));
        EvaluatorFactory<Nb201Cell, DatasetPayload> factory = LabelEvaluator::new;
        Evaluator<Nb201Cell> driverSide = factory.create(DatasetPayload.of(data));
        try (SparkExecutor<Nb201Cell, DatasetPayload> e = SparkExecutor.<Nb201Cell, DatasetPayload>builder()
                .setContext(spark).setEvaluator(DatasetPayload.of(data), factory)
                .setCodec(ArchitectureCodec.of(Nb201Space::new)).optSlots(3).build()) {
            assertThat(e.slots()).isEqualTo(3);
            assertThat(e.broadcastId()).isEqualTo(-1);
            List<Evaluation> first = e.evaluate(pending(0, 3), driverSide, (n, s, v) -> { });
            long id = e.broadcastId();
            List<Evaluation> second = e.evaluate(pending(3, 4), driverSide, (n, s, v) -> { });
            assertThat(e.broadcastId()).isEqualTo(id).isNotNegative();
            List<Double> values = new ArrayList<>();
            first.forEach(x -> values.add(x.value()));
            second.forEach(x -> values.add(x.value()));
            assertThat(values).containsExactly(4.0, 1.0, 3.0, 0.0, 2.0, 2.0, 1.0);
            assertThat(second.get(0).metrics()).containsEntry("size", 7.0);
        }
    }

    @Test
    void aStudyWhoseEvaluatorDiffersFromTheFactorysIsRejected() {
        try (SparkExecutor<Nb201Cell, Nb201Dataset> e = tableExecutor()) {
            Evaluator<Nb201Cell> other = new FlakyEvaluator(Nb201Dataset.CIFAR10);
            assertThatThrownBy(() -> e.evaluate(pending(0, 1), other, (n, s, v) -> { }))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'nb201-table:cifar10'").hasMessageContaining("'flaky'");
        }
    }

    /** Parses like the NB201 space but throws an Error (not caught as an evaluation failure) on one cell. */
    static final class ExplodingCodec implements ArchitectureCodec<Nb201Cell> {
        private static final long serialVersionUID = 1L;
        private final String victim;

        ExplodingCodec(String victim) {
            this.victim = victim;
        }

        @Override
        public String format(Nb201Cell cell) {
            return SPACE.format(cell);
        }

        @Override
        public Nb201Cell parse(String text) {
            if (text.equals(victim)) {
                throw new AssertionError("task died on " + text);
            }
            return SPACE.parse(text);
        }
    }

    @Test
    void aTaskThatDiesFailsOnlyItsTrial() {
        List<PendingTrial<Nb201Cell>> batch = pending(0, 3);
        String victim = SPACE.format(batch.get(1).architecture());
        try (SparkExecutor<Nb201Cell, Nb201Dataset> e = SparkExecutor.<Nb201Cell, Nb201Dataset>builder()
                .setContext(spark).setEvaluator(Nb201Dataset.CIFAR10, Nb201TableEvaluator::new)
                .setCodec(new ExplodingCodec(victim)).build()) {
            List<Evaluation> out = e.evaluate(batch, new Nb201TableEvaluator(Nb201Dataset.CIFAR10), (n, s, v) -> { });
            assertThat(out).extracting(Evaluation::isComplete).containsExactly(true, false, true);
            assertThat(out.get(1).failure()).startsWith("Spark task failed").contains("task died on");
        }
    }

    @Test
    void aFactoryThatCannotShipIsRejectedBeforeAnyTrialRuns() {
        Object notSerializable = new Object();
        EvaluatorFactory<Nb201Cell, Nb201Dataset> capturing = d -> {
            notSerializable.hashCode();
            return new Nb201TableEvaluator(d);
        };
        try (SparkExecutor<Nb201Cell, Nb201Dataset> e = SparkExecutor.<Nb201Cell, Nb201Dataset>builder()
                .setContext(spark).setEvaluator(Nb201Dataset.CIFAR10, capturing)
                .setCodec(ArchitectureCodec.of(Nb201Space::new)).build()) {
            assertThatThrownBy(() -> e.evaluate(pending(0, 2), new Nb201TableEvaluator(Nb201Dataset.CIFAR10), (n, s, v) -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not serialisable");
        }
    }
}
