package dev.connectome.cli.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.cli.Main;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialStore;
import dev.connectome.nas.study.sql.TrialStores;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code connectome nas search} in its own JVM, killed with SIGKILL mid-run, then continued with
 * {@code studies resume}: no COMPLETE trial is lost or evaluated again, and the best equals that of an
 * uninterrupted run with the same settings.
 */
class KilledSearchTest {
    private static final int BUDGET = 200;

    @TempDir
    Path tmp;

    @Test
    void killedSearchResumesToTheUninterruptedResult() throws Exception {
        String db = tmp.resolve("studies.db").toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process search = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "nas", "search", "--strategy", "evolution",
                "--budget", Integer.toString(BUDGET), "--seed", "7", "--study", "killed", "--storage", db)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("search.log").toFile()).start();
        List<TrialRecord> completeAtKill;
        try (TrialStore store = TrialStores.open(db)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (complete(store).size() < 20) {
                assertThat(search.isAlive()).as("search still running").isTrue();
                assertThat(System.nanoTime()).as("search made progress within 60 s").isLessThan(deadline);
                Thread.sleep(5);
            }
            search.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close of the store
            assertThat(search.waitFor(30, TimeUnit.SECONDS)).isTrue();
            completeAtKill = complete(store);
        }
        assertThat(completeAtKill.size()).isBetween(20, BUDGET - 1);

        StudyCommandsTest.Run resume = StudyCommandsTest.cli("studies", "resume", "killed", "--storage", db,
                "--heartbeat", "0.2", "--stale-after", "1");
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.evaluated()).isEqualTo(BUDGET - completeAtKill.size());
        try (TrialStore store = TrialStores.open(db)) {
            List<TrialRecord> all = store.trials("killed");
            assertThat(all).hasSize(BUDGET).allMatch(TrialRecord::isComplete);
            assertThat(all).containsAll(completeAtKill); // same worker and finish time: not evaluated again
        }

        StudyCommandsTest.Run whole = StudyCommandsTest.cli("nas", "search", "--strategy", "evolution", "--budget",
                Integer.toString(BUDGET), "--seed", "7", "--study", "whole", "--storage", db);
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(resume.best()).isEqualTo(whole.best());
    }

    private static List<TrialRecord> complete(TrialStore store) {
        return store.findStudy("killed").isPresent()
                ? store.trials("killed").stream().filter(TrialRecord::isComplete).toList() : List.of();
    }
}
