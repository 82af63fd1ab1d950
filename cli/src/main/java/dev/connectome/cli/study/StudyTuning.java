package dev.connectome.cli.study;

import dev.connectome.cli.UserException;
import dev.connectome.nas.study.StudyBuilder;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * How a process takes part in a study, without changing its results: heartbeat interval and how
 * long a silent trial stays claimed before another process may re-run it.
 */
public final class StudyTuning {
    @Option(names = "--heartbeat", paramLabel = "SECONDS", defaultValue = "2",
            description = "How often running trials are marked alive in the store (default: ${DEFAULT-VALUE}).")
    double heartbeat;

    @Option(names = "--stale-after", paramLabel = "SECONDS", defaultValue = "10",
            description = "A running trial whose heartbeat is older than this is re-queued, e.g. after a crash "
                    + "(default: ${DEFAULT-VALUE}).")
    double staleAfter;

    /** Applies the settings to {@code builder}; bad values are user errors. */
    <A> StudyBuilder<A> apply(StudyBuilder<A> builder) {
        if (!(heartbeat > 0) || !(staleAfter > heartbeat)) {
            throw new UserException("--stale-after (" + staleAfter + ") must exceed --heartbeat (" + heartbeat
                    + "), and both must be positive");
        }
        return builder.heartbeatInterval(Duration.ofMillis(Math.max(1, Math.round(heartbeat * 1000))))
                .staleAfter(Duration.ofMillis(Math.round(staleAfter * 1000)));
    }
}
