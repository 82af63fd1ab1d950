package dev.connectome.nas.study;

/**
 * Life cycle of a stored trial. WAITING → RUNNING → COMPLETE | FAILED; a RUNNING trial whose
 * heartbeat stops becomes STALE and may be claimed again like a WAITING one.
 */
public enum TrialState {
    /** Asked and stored, not yet claimed by a worker. */
    WAITING,
    /** Claimed by a worker that keeps its heartbeat fresh. */
    RUNNING,
    /** Finished with a finite objective value. */
    COMPLETE,
    /** Finished with an error or a non-finite objective; the reason is stored. */
    FAILED,
    /** Was RUNNING but its worker's heartbeat stopped; claimable again. */
    STALE;

    /** Whether the trial is finished (COMPLETE or FAILED) and must never be evaluated again. */
    public boolean isFinished() {
        return this == COMPLETE || this == FAILED;
    }
}
