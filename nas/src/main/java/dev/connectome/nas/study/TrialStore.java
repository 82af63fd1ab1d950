package dev.connectome.nas.study;

import dev.connectome.nas.evaluate.Evaluation;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Durable home of studies and their trials, shared by every worker of a study.
 *
 * <p>Errors: an unknown study or trial number gives {@link IllegalArgumentException} naming it;
 * infrastructure failures give {@link StoreException}. All methods are safe to call from many threads
 * and (for database stores) many processes.
 */
public interface TrialStore extends AutoCloseable {

    /** A strategy's serialised state covering trials {@code 0..throughTrial} (inclusive). */
    record Snapshot(int throughTrial, String json) {
    }

    /** Stores a new study; IllegalArgumentException if the name already exists. */
    void createStudy(StudyInfo info);

    Optional<StudyInfo> findStudy(String name);

    /** All studies, ordered by creation time then name. */
    List<StudyInfo> listStudies();

    /** Deletes a study with its trials and snapshots; false if there was no such study. */
    boolean deleteStudy(String name);

    /** Adds trial {@code number} as WAITING; IllegalArgumentException if that number exists. */
    TrialRecord enqueue(String study, int number, String architecture, String key);

    /**
     * Atomically moves the lowest-numbered WAITING or STALE trial to RUNNING for {@code worker}, with
     * started = heartbeat = now. No two callers ever get the same trial from one claim.
     */
    Optional<TrialRecord> claim(String study, String worker);

    /** Refreshes a RUNNING trial's heartbeat; false if it is no longer RUNNING under this worker. */
    boolean heartbeat(String study, int number, String worker);

    /**
     * Finishes a trial with an evaluation (COMPLETE, or FAILED with its reason). The first finish wins:
     * returns false, changing nothing, if the trial was already COMPLETE or FAILED.
     */
    boolean complete(String study, int number, Evaluation evaluation);

    /** Marks a trial FAILED with a reason; same first-finish-wins rule as {@link #complete}. */
    boolean fail(String study, int number, String reason);

    /** Moves RUNNING trials whose heartbeat is older than {@code maxAge} to STALE; returns how many. */
    int markStale(String study, Duration maxAge);

    /** Records an intermediate value; a repeated step overwrites the earlier value. */
    void reportIntermediate(String study, int number, int step, double value);

    /** All trials of the study ordered by number. */
    List<TrialRecord> trials(String study);

    /** Saves the strategy state after trial {@code throughTrial} was told. */
    void saveSnapshot(String study, int throughTrial, String json);

    /** The snapshot with the highest throughTrial, if any. */
    Optional<Snapshot> latestSnapshot(String study);

    /** Releases connections; no StoreException-free guarantee beyond that. */
    @Override
    void close();
}
