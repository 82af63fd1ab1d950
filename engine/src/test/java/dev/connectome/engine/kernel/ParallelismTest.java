package dev.connectome.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.engine.Parallelism;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The fan-out contract of {@link Parallelism}: every task exactly once, errors surface, no deadlock. */
class ParallelismTest {

    @Test
    void everyTaskRunsExactlyOnceAcrossManyBackToBackCalls() {
        try (Parallelism par = Parallelism.of(2)) {
            for (int call = 0; call < 20_000; call++) {
                int tasks = call % 6;
                AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(tasks, 1));
                par.forEach(tasks, seen::incrementAndGet);
                for (int i = 0; i < tasks; i++) {
                    assertThat(seen.get(i)).as("call %d task %d", call, i).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void workersActuallyTakeTasks() throws Exception {
        try (Parallelism par = Parallelism.of(2)) {
            Set<Thread> used = ConcurrentHashMap.newKeySet();
            // Tasks that wait for a second thread to show up can only finish if a worker joins.
            for (int attempt = 0; attempt < 200 && used.size() < 2; attempt++) {
                par.forEach(2, i -> {
                    used.add(Thread.currentThread());
                    long until = System.nanoTime() + 2_000_000;
                    while (used.size() < 2 && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                });
                Thread.sleep(1); // let the worker park, so the unpark path is exercised too
            }
            assertThat(used).hasSize(2);
        }
    }

    @Test
    void firstExceptionIsRethrownAfterAllTasksRan() {
        try (Parallelism par = Parallelism.of(2)) {
            AtomicIntegerArray seen = new AtomicIntegerArray(8);
            assertThatThrownBy(() -> par.forEach(8, i -> {
                seen.incrementAndGet(i);
                if (i == 3) {
                    throw new IllegalStateException("task 3 failed");
                }
            })).isInstanceOf(IllegalStateException.class).hasMessage("task 3 failed");
            for (int i = 0; i < 8; i++) {
                assertThat(seen.get(i)).isEqualTo(1);
            }
            // Still usable afterwards.
            AtomicIntegerArray again = new AtomicIntegerArray(4);
            par.forEach(4, again::incrementAndGet);
            assertThat(again.toString()).isEqualTo("[1, 1, 1, 1]");
        }
    }

    @Test
    void nestedAndConcurrentCallsRunInlineInsteadOfDeadlocking() throws Exception {
        try (Parallelism par = Parallelism.of(2)) {
            AtomicIntegerArray seen = new AtomicIntegerArray(16);
            Thread other = new Thread(() -> {
                for (int r = 0; r < 500; r++) {
                    par.forEach(4, i -> par.forEach(2, j -> seen.incrementAndGet(8 + i * 2 + j)));
                }
            });
            other.start();
            for (int r = 0; r < 500; r++) {
                par.forEach(4, i -> par.forEach(2, j -> seen.incrementAndGet(i * 2 + j)));
            }
            other.join();
            for (int i = 0; i < 16; i++) {
                assertThat(seen.get(i)).isEqualTo(500);
            }
        }
    }

    @Test
    void closedInstanceStillRunsTasksOnTheCaller() {
        Parallelism par = Parallelism.of(3);
        par.close();
        AtomicIntegerArray seen = new AtomicIntegerArray(5);
        par.forEach(5, seen::incrementAndGet);
        assertThat(seen.toString()).isEqualTo("[1, 1, 1, 1, 1]");
        assertThat(par.threads()).isEqualTo(3);
        assertThatThrownBy(() -> Parallelism.of(0)).hasMessageContaining("0");
    }
}
