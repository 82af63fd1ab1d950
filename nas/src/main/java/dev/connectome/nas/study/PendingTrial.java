package dev.connectome.nas.study;

/**
 * A claimed trial handed to a {@link TrialExecutor}: everything needed to evaluate it anywhere.
 *
 * @param number         trial number
 * @param architecture   the candidate
 * @param evaluationSeed seed of the trial's evaluation generator ({@link Seeds#evaluationSeed})
 */
public record PendingTrial<A>(int number, A architecture, long evaluationSeed) implements java.io.Serializable {
}
