package dev.connectome.nas.study;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.study.sql.TrialStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies in separate JVMs on one SQLite store: kill -9 and resume; two worker processes. */
class StudyProcessTest {

    @TempDir
    Path dir;

    private Process start(String mode, Path db, int trials, int batch, long delayMs, Path log, String worker) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                StudyProcess.class.getName(), mode, db.toString(), "crash", Integer.toString(trials), Integer.toString(batch),
                Long.toString(delayMs), log.toString(), worker);
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(worker + "-" + System.nanoTime() + ".out").toFile()).start();
    }

    private static void awaitExit(Process p, String what) throws Exception {
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(what + " finished").isTrue();
        assertThat(p.exitValue()).as(what + " exit code").isZero();
    }

    private static List<int[]> lines(Path log) throws IOException {
        List<int[]> out = new ArrayList<>();
        if (Files.exists(log)) {
            for (String l : Files.readAllLines(log)) {
                if (!l.isBlank()) {
                    out.add(new int[] {Integer.parseInt(l.split(" ")[0]), l.split(" ")[1].equals("b") ? 1 : 0});
                }
            }
        }
        return out;
    }

    @Test
    void killedStudyResumesWithoutLosingOrRepeatingCompleteTrials() throws Exception {
        int trials = 40;
        Path db = dir.resolve("connectome.db");
        Path log = dir.resolve("evaluations.log");
        Process first = start("run", db, trials, 1, 40, log, "a");
        Set<Integer> completeBeforeKill;
        try (TrialStore store = TrialStores.open(db.toString())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                List<TrialRecord> now = store.findStudy("crash").isPresent() ? store.trials("crash") : List.of();
                if (now.stream().filter(TrialRecord::isComplete).count() >= 12) {
                    break;
                }
                assertThat(System.nanoTime()).as("first process made progress").isLessThan(deadline);
                assertThat(first.isAlive()).as("first process still running").isTrue();
                Thread.sleep(20);
            }
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no clean close
            first.waitFor(30, TimeUnit.SECONDS);
            completeBeforeKill = store.trials("crash").stream().filter(TrialRecord::isComplete)
                    .map(TrialRecord::number).collect(Collectors.toSet());
        }
        assertThat(completeBeforeKill.size()).isBetween(12, trials - 1);
        int linesBeforeResume = lines(log).size();

        awaitExit(start("run", db, trials, 1, 0, log, "a"), "resumed study");

        List<int[]> all = lines(log);
        Set<Integer> afterResume = all.subList(linesBeforeResume, all.size()).stream().map(l -> l[0]).collect(Collectors.toSet());
        assertThat(afterResume).doesNotContainAnyElementsOf(completeBeforeKill);
        Map<Integer, Integer> times = new HashMap<>();
        all.forEach(l -> times.merge(l[0], 1, Integer::sum));
        assertThat(times.keySet()).hasSize(trials);
        List<TrialRecord> stored;
        try (TrialStore store = TrialStores.open(db.toString())) {
            stored = store.trials("crash");
        }
        assertThat(stored).hasSize(trials).allMatch(TrialRecord::isComplete);

        // Same seed, uninterrupted, in memory: the same trials and the same best.
        try (InMemoryTrialStore memory = new InMemoryTrialStore()) {
            StudyResult reference = StudyProcess.study(memory, "crash", trials, 1, 0, null, "ref").run();
            assertThat(stored.stream().map(TrialRecord::architecture).toList())
                    .isEqualTo(memory.trials("crash").stream().map(TrialRecord::architecture).toList());
            TrialRecord best = Study.best(stored, Direction.MAXIMIZE).orElseThrow();
            assertThat(best.architecture()).isEqualTo(reference.best().orElseThrow().architecture());
            assertThat(best.value()).isEqualTo(reference.best().orElseThrow().value());
        }
    }

    @Test
    void twoWorkerProcessesFinishAStudyTogetherWithoutRepeatingATrial() throws Exception {
        int trials = 32;
        Path db = dir.resolve("shared.db");
        Path log = dir.resolve("evaluations.log");
        Process asker = start("run", db, trials, 4, 30, log, "a");
        Process helper = start("work", db, trials, 4, 30, log, "b");
        awaitExit(asker, "asking process");
        awaitExit(helper, "worker process");
        List<int[]> all = lines(log);
        assertThat(all).hasSize(trials);
        assertThat(all.stream().map(l -> l[0]).collect(Collectors.toSet())).hasSize(trials);
        assertThat(all.stream().filter(l -> l[1] == 1).count()).as("trials run by the second process").isPositive();
        assertThat(all.stream().filter(l -> l[1] == 0).count()).as("trials run by the first process").isPositive();
        try (TrialStore store = TrialStores.open(db.toString())) {
            assertThat(store.trials("crash")).hasSize(trials).allMatch(TrialRecord::isComplete);
        }
    }

}
