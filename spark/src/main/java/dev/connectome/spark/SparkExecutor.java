package dev.connectome.spark;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.study.PendingTrial;
import dev.connectome.nas.study.TrialExecutor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a batch of trials on Apache Spark, one Spark task per trial.
 *
 * <p>The evaluator's input data is broadcast once, on the first batch, and reused by every later batch
 * until {@link #close()} destroys it; each task makes its evaluator from the broadcast value with a
 * serialisable {@link EvaluatorFactory}, evaluates, and returns the evaluation and any intermediate
 * values to the driver. The driver (the {@code Study}) does all store work, so executors need no
 * database access. The Spark context belongs to the caller and is not stopped here.
 *
 * <p>The study's own evaluator must have the same {@link Evaluator#id()} as the one the factory makes;
 * the first batch checks this, so a study can never store results of a different evaluator.
 *
 * <p>Failures: an evaluator that throws or yields a non-finite objective gives a FAILED evaluation, as
 * with threads. If the Spark job itself fails (a task that kills its executor JVM, say), each trial of the
 * batch is retried as its own job so that only the guilty trial is FAILED. Only a stopped context makes
 * {@link #evaluate} throw.
 *
 * @param <A> architecture type
 * @param <D> type of the broadcast data
 */
public final class SparkExecutor<A, D extends Serializable> implements TrialExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SparkExecutor.class);

    private final JavaSparkContext context;
    private final D data;
    private final EvaluatorFactory<A, D> factory;
    private final ArchitectureCodec<A> codec;
    private final int slots;
    private final int threadsPerTask;
    private Broadcast<D> broadcast;
    private String evaluatorId;
    private boolean closed;

    private SparkExecutor(Builder<A, D> b) {
        this.context = b.context;
        this.data = b.data;
        this.factory = b.factory;
        this.codec = b.codec;
        this.slots = b.slots > 0 ? b.slots : Math.max(1, b.context.defaultParallelism() / b.threadsPerTask);
        this.threadsPerTask = b.threadsPerTask;
    }

    /** A builder: context, evaluator (data + factory) and codec are required. */
    public static <A, D extends Serializable> Builder<A, D> builder() {
        return new Builder<>();
    }

    /** Trials evaluated at once: the configured slots, else the context's default parallelism. */
    @Override
    public int slots() {
        return slots;
    }

    /** Id of the broadcast holding the evaluator data, or -1 before the first batch (for tests and logs). */
    synchronized long broadcastId() {
        return broadcast == null ? -1 : broadcast.id();
    }

    @Override
    public synchronized <B> List<Evaluation> evaluate(List<PendingTrial<B>> trials, Evaluator<B> evaluator,
                                                      IntermediateSink sink) {
        if (closed) {
            throw new IllegalStateException("SparkExecutor is closed");
        }
        if (trials.isEmpty()) {
            return List.of();
        }
        checkEvaluator(evaluator);
        if (broadcast == null) {
            Broadcast<D> b = context.broadcast(data);
            try {
                // Fail here, once and clearly, if the task cannot ship, so a later job failure is a task's fault.
                checkSerializable(new TrialTask<>(b, factory, codec, threadsPerTask));
            } catch (IllegalArgumentException e) {
                b.destroy();
                throw e;
            }
            broadcast = b;
        }
        @SuppressWarnings("unchecked") // same evaluator id as our factory's, so B is our A
        List<PendingTrial<A>> ours = (List<PendingTrial<A>>) (List<?>) trials;
        List<RemoteTrial> remote = new ArrayList<>(ours.size());
        for (PendingTrial<A> t : ours) {
            remote.add(new RemoteTrial(t.number(), codec.format(t.architecture()), t.evaluationSeed()));
        }
        List<TaskOutcome> outcomes;
        try {
            outcomes = run(remote);
        } catch (Exception batchFailure) { // SparkException is checked in Java's eyes but undeclared
            if (context.sc().isStopped()) {
                throw new IllegalStateException("Spark context was stopped while evaluating trials "
                        + numbers(remote), batchFailure);
            }
            LOG.warn("Spark job for trials {} failed ({}); running them one job each", numbers(remote), rootMessage(batchFailure));
            outcomes = runOneByOne(remote);
        }
        List<Evaluation> out = new ArrayList<>(outcomes.size());
        for (TaskOutcome o : outcomes) {
            o.replay(sink);
            out.add(o.evaluation());
        }
        return out;
    }

    /** One task per trial; collect keeps partition order, so outcomes line up with trials. */
    private List<TaskOutcome> run(List<RemoteTrial> remote) {
        context.setJobDescription("connectome trials " + numbers(remote));
        return context.parallelize(remote, remote.size())
                .map(new TrialTask<>(broadcast, factory, codec, threadsPerTask))
                .collect();
    }

    private List<TaskOutcome> runOneByOne(List<RemoteTrial> remote) {
        List<TaskOutcome> out = new ArrayList<>(remote.size());
        for (RemoteTrial t : remote) {
            try {
                out.add(run(List.of(t)).get(0));
            } catch (Exception e) {
                if (context.sc().isStopped()) {
                    throw new IllegalStateException("Spark context was stopped while evaluating trial " + t.number(), e);
                }
                out.add(new TaskOutcome(t.number(), false, Double.NaN, null, 0.0,
                        "Spark task failed: " + rootMessage(e), new int[0], new double[0]));
            }
        }
        return out;
    }

    private void checkEvaluator(Evaluator<?> studyEvaluator) {
        if (evaluatorId == null) {
            evaluatorId = factory.create(data).id();
        }
        if (!evaluatorId.equals(studyEvaluator.id())) {
            throw new IllegalArgumentException("SparkExecutor evaluates with '" + evaluatorId
                    + "' but the study's evaluator is '" + studyEvaluator.id() + "'");
        }
    }

    private static void checkSerializable(Object task) {
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(java.io.OutputStream.nullOutputStream())) {
            out.writeObject(task);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("SparkExecutor cannot ship its tasks: the evaluator factory or codec is "
                    + "not serialisable (" + e + ")", e);
        }
    }

    private static String numbers(List<RemoteTrial> remote) {
        return remote.size() == 1 ? Integer.toString(remote.get(0).number())
                : remote.get(0).number() + ".." + remote.get(remote.size() - 1).number();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = t.getMessage();
        String first = m == null ? t.getClass().getSimpleName()
                : m.lines().filter(l -> !l.isBlank()).findFirst().orElse(t.getClass().getSimpleName());
        return root == t ? first : first + " (cause: " + root + ")";
    }

    /** Destroys the broadcast data; the Spark context stays up (it belongs to the caller). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (broadcast != null && !context.sc().isStopped()) {
            broadcast.destroy();
        }
        broadcast = null;
    }

    /** Builds a {@link SparkExecutor} (DJL convention: {@code setX} required, {@code optX} optional). */
    public static final class Builder<A, D extends Serializable> {
        private JavaSparkContext context;
        private D data;
        private EvaluatorFactory<A, D> factory;
        private ArchitectureCodec<A> codec;
        private int slots;
        private int threadsPerTask = 1;

        private Builder() {
        }

        /** The Spark context to submit jobs to (not stopped by the executor). */
        public Builder<A, D> setContext(JavaSparkContext context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /** The data to broadcast once, and how each task makes its evaluator from it. */
        public Builder<A, D> setEvaluator(D data, EvaluatorFactory<A, D> factory) {
            this.data = Objects.requireNonNull(data, "data");
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /** How candidates travel to executors, e.g. {@code ArchitectureCodec.of(Nb201Space::new)}. */
        public Builder<A, D> setCodec(ArchitectureCodec<A> codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** Trials per batch handed to Spark; default the context's default parallelism (÷ threads per task). */
        public Builder<A, D> optSlots(int slots) {
            if (slots < 1) {
                throw new IllegalArgumentException("slots must be >= 1, got " + slots);
            }
            this.slots = slots;
            return this;
        }

        /** Engine threads each task uses (match {@code spark.task.cpus}); default 1. */
        public Builder<A, D> optThreadsPerTask(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads per task must be >= 1, got " + threads);
            }
            this.threadsPerTask = threads;
            return this;
        }

        public SparkExecutor<A, D> build() {
            if (context == null) {
                throw new IllegalStateException("SparkExecutor needs a Spark context (setContext)");
            }
            if (factory == null) {
                throw new IllegalStateException("SparkExecutor needs evaluator data and a factory (setEvaluator)");
            }
            if (codec == null) {
                throw new IllegalStateException("SparkExecutor needs an architecture codec (setCodec)");
            }
            return new SparkExecutor<>(this);
        }
    }
}
