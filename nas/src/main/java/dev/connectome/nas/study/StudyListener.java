package dev.connectome.nas.study;

/** Observes a running study (progress bars, logs). Called on the study's thread, in trial order. */
@FunctionalInterface
public interface StudyListener {

    /** Trial {@code trial} was told to the strategy; {@code best} is the best so far, if any. */
    void trialTold(TrialRecord trial, java.util.Optional<TrialRecord> best);

    /** A listener that does nothing. */
    static StudyListener none() {
        return (t, b) -> { };
    }
}
