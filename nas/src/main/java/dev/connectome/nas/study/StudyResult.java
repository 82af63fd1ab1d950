package dev.connectome.nas.study;

import java.util.Optional;

/**
 * What a finished {@link Study#run()} or {@link Study#work()} leaves: counts over the whole stored
 * study and its best COMPLETE trial.
 *
 * @param study     study name
 * @param best      best COMPLETE trial (ties: lowest number), empty when none completed
 * @param complete  COMPLETE trials in the store
 * @param failed    FAILED trials in the store
 * @param evaluated trials this process evaluated in this call
 * @param stopReason why the loop stopped: "trials", "time", "target", "idle"
 */
public record StudyResult(String study, Optional<TrialRecord> best, int complete, int failed, int evaluated,
                          String stopReason) {
}
