package dev.connectome.nas.study;

import dev.connectome.engine.Parallelism;
import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.evaluate.Evaluator;
import dev.connectome.nas.evaluate.TrialContext;
import java.util.List;

/**
 * Evaluates batches of claimed trials; where they run (threads, Spark) is the executor's business.
 * The {@link Study} does all store work (claims, heartbeats, completion) on its own side.
 */
public interface TrialExecutor extends AutoCloseable {

    /** Receives intermediate values reported by running trials (may be called from any thread). */
    @FunctionalInterface
    interface IntermediateSink {
        void report(int number, int step, double value);
    }

    /** How many trials this executor evaluates at once. */
    int slots();

    /**
     * Evaluates every trial (at most {@link #slots()} at a time) and returns their evaluations in the
     * same order. An evaluator that throws or yields a non-finite value gives a FAILED evaluation;
     * this method itself throws only if the executor is broken.
     */
    <A> List<Evaluation> evaluate(List<PendingTrial<A>> trials, Evaluator<A> evaluator, IntermediateSink sink);

    @Override
    void close();

    /**
     * Runs one evaluation, turning exceptions and non-finite values into FAILED evaluations whose reason
     * names the exception. Executors should call this so failures read the same everywhere.
     */
    static <A> Evaluation evaluateSafely(Evaluator<A> evaluator, PendingTrial<A> trial, Parallelism parallelism,
                                         IntermediateSink sink) {
        TrialContext context = new TrialContext() {
            private final java.util.random.RandomGenerator random = Seeds.generator(trial.evaluationSeed());

            @Override
            public int number() {
                return trial.number();
            }

            @Override
            public java.util.random.RandomGenerator random() {
                return random;
            }

            @Override
            public Parallelism parallelism() {
                return parallelism;
            }

            @Override
            public void reportIntermediate(int step, double value) {
                sink.report(trial.number(), step, value);
            }
        };
        long start = System.nanoTime();
        try {
            Evaluation e = evaluator.evaluate(trial.architecture(), context);
            if (e == null) {
                return Evaluation.failed("evaluator returned no evaluation", seconds(start));
            }
            return e;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable t) {
            String message = t.getMessage();
            return Evaluation.failed(t.getClass().getSimpleName() + (message == null ? "" : ": " + message), seconds(start));
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
