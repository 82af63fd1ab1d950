package dev.connectome.spark;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.TrialExecutor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a Spark task sends back to the driver: the evaluation (nas's {@link Evaluation} is not
 * serialisable) plus the intermediate values the trial reported, which the driver replays into the
 * study's sink, so executors never touch the store.
 */
record TaskOutcome(int number, boolean complete, double value, HashMap<String, Double> metrics, double costSeconds,
                   String failure, int[] steps, double[] values) implements Serializable {

    /** Intermediate values collected during one task (an evaluator may report from its own threads). */
    static final class Intermediates implements TrialExecutor.IntermediateSink {
        private final List<Integer> steps = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        @Override
        public synchronized void report(int number, int step, double value) {
            steps.add(step);
            values.add(value);
        }

        synchronized TaskOutcome with(int number, Evaluation e) {
            int[] s = new int[steps.size()];
            double[] v = new double[values.size()];
            for (int i = 0; i < s.length; i++) {
                s[i] = steps.get(i);
                v[i] = values.get(i);
            }
            return new TaskOutcome(number, e.isComplete(), e.value(), new HashMap<>(e.metrics()), e.costSeconds(),
                    e.failure(), s, v);
        }
    }

    /** The evaluation as the study expects it. */
    Evaluation evaluation() {
        Map<String, Double> m = metrics == null ? Map.of() : metrics;
        return complete
                ? new Evaluation(Evaluation.Status.COMPLETE, value, m, costSeconds, null)
                : new Evaluation(Evaluation.Status.FAILED, Double.NaN, m, costSeconds, failure);
    }

    /** Replays the reported intermediate values, in report order, into the driver's sink. */
    void replay(TrialExecutor.IntermediateSink sink) {
        for (int i = 0; i < steps.length; i++) {
            sink.report(number, steps[i], values[i]);
        }
    }
}
