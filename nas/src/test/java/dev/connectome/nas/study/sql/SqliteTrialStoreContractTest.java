package dev.connectome.nas.study.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.TrialState;
import dev.connectome.nas.study.TrialStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract over a SQLite file; a second instance on the same file stands in for a second process. */
class SqliteTrialStoreContractTest extends TrialStoreContract {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("connectome.db");
    }

    @Override
    protected TrialStore createStore() {
        return new SqliteTrialStore(file(), clock, Duration.ofSeconds(10));
    }

    @Override
    protected TrialStore openAnother() {
        return new SqliteTrialStore(file(), clock, Duration.ofSeconds(10));
    }

    @Test
    void reopeningTheFileKeepsEverything() {
        store.createStudy(study("kept", T0));
        store.enqueue("kept", 0, "a0", "k0");
        store.enqueue("kept", 1, "a1", "k1");
        store.claim("kept", "w");
        store.reportIntermediate("kept", 0, 0, 0.25);
        store.complete("kept", 0, Evaluation.complete(0.75));
        store.saveSnapshot("kept", 0, "{\"s\":1}");
        var before = store.trials("kept");
        store.close();

        try (TrialStore reopened = new SqliteTrialStore(file(), clock, Duration.ofSeconds(10))) {
            assertThat(reopened.findStudy("kept")).contains(study("kept", T0));
            assertThat(reopened.trials("kept")).isEqualTo(before);
            assertThat(reopened.trials("kept").get(0).state()).isEqualTo(TrialState.COMPLETE);
            assertThat(reopened.latestSnapshot("kept")).contains(new TrialStore.Snapshot(0, "{\"s\":1}"));
            assertThat(reopened.claim("kept", "w2")).map(r -> r.number()).contains(1);
        }
    }
}
