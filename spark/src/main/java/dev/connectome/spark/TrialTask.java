package dev.connectome.spark;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.study.PendingTrial;
import dev.connectome.nas.study.TrialExecutor;
import java.io.Serializable;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * The function a Spark task runs on one trial: parse the candidate, make the evaluator from the
 * broadcast data, evaluate through {@link TrialExecutor#evaluateSafely} (so failures read as they do
 * with threads), and return the outcome. A top-level class so the closure captures only what it names.
 */
final class TrialTask<A, D extends Serializable> implements Function<RemoteTrial, TaskOutcome> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<D> data;
    private final EvaluatorFactory<A, D> factory;
    private final ArchitectureCodec<A> codec;
    private final int threads;

    TrialTask(Broadcast<D> data, EvaluatorFactory<A, D> factory, ArchitectureCodec<A> codec, int threads) {
        this.data = data;
        this.factory = factory;
        this.codec = codec;
        this.threads = threads;
    }

    @Override
    public TaskOutcome call(RemoteTrial trial) {
        TaskOutcome.Intermediates reported = new TaskOutcome.Intermediates();
        A architecture;
        Evaluator<A> evaluator;
        try {
            architecture = codec.parse(trial.architecture());
            evaluator = factory.create(data.value());
        } catch (RuntimeException e) {
            // Same wording as evaluateSafely, so a bad setup reads like an evaluator failure.
            String m = e.getMessage();
            return reported.with(trial.number(), Evaluation.failed(e.getClass().getSimpleName() + (m == null ? "" : ": " + m)));
        }
        PendingTrial<A> pending = new PendingTrial<>(trial.number(), architecture, trial.evaluationSeed());
        // A task holds one Spark core unless spark.task.cpus says otherwise; threads > 1 matches that setting.
        if (threads == 1) {
            return reported.with(trial.number(), TrialExecutor.evaluateSafely(evaluator, pending, Parallelism.single(), reported));
        }
        try (Parallelism p = Parallelism.of(threads)) {
            return reported.with(trial.number(), TrialExecutor.evaluateSafely(evaluator, pending, p, reported));
        }
    }
}
