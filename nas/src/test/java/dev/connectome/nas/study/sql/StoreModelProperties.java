package dev.connectome.nas.study.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.InMemoryTrialStore;
import dev.connectome.nas.study.TrialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Model-based check: random sequences of store calls give the same answers and the same final
 * trials on SQLite as on the in-memory reference store.
 */
class StoreModelProperties {

    /** One store call; returns what the call returned (or the exception class it threw). */
    record Op(String name, Function<TrialStore, Object> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Property(tries = 40)
    void sqliteAgreesWithTheInMemoryStore(@ForAll("programs") @Size(min = 1, max = 60) List<Op> program) throws Exception {
        Path dir = Files.createTempDirectory("store-model");
        Path file = dir.resolve("model.db");
        MutableClock sqlClock = new MutableClock(TrialStoreContract.T0);
        try (TrialStore sql = new SqliteTrialStore(file, sqlClock, Duration.ofSeconds(10))) {
            agree(sql, sqlClock, program);
        } finally {
            for (String name : new String[] {"model.db", "model.db-wal", "model.db-shm"}) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.deleteIfExists(dir);
        }
    }

    /** Runs {@code program} on {@code store} and on a fresh in-memory store; every answer must match. */
    static void agree(TrialStore store, MutableClock storeClock, List<Op> program) {
        MutableClock memClock = new MutableClock(storeClock.instant());
        try (TrialStore mem = new InMemoryTrialStore(memClock)) {
            for (TrialStore s : List.of(mem, store)) {
                s.createStudy(TrialStoreContract.study("m", TrialStoreContract.T0));
            }
            for (Op op : program) {
                memClock.advance(Duration.ofMillis(700));
                storeClock.advance(Duration.ofMillis(700));
                Object expected = outcome(op, mem);
                Object actual = outcome(op, store);
                assertThat(actual).as("%s in %s", op, program).isEqualTo(expected);
            }
            assertThat(store.trials("m")).as("%s", program).isEqualTo(mem.trials("m"));
            assertThat(store.latestSnapshot("m")).as("%s", program).isEqualTo(mem.latestSnapshot("m"));
        }
    }

    private static Object outcome(Op op, TrialStore store) {
        try {
            return Objects.requireNonNullElse(op.call().apply(store), "void");
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @Provide
    Arbitrary<List<Op>> programs() {
        Arbitrary<Integer> number = Arbitraries.integers().between(0, 6);
        Arbitrary<String> worker = Arbitraries.of("a", "b");
        Arbitrary<Op> enqueue = number.map(n -> new Op("enqueue " + n, s -> s.enqueue("m", n, "arch" + n, "key" + n)));
        Arbitrary<Op> claim = worker.map(w -> new Op("claim " + w, s -> s.claim("m", w)));
        Arbitrary<Op> heartbeat = Combinators.combine(number, worker)
                .as((n, w) -> new Op("heartbeat " + n + " " + w, s -> s.heartbeat("m", n, w)));
        Arbitrary<Op> complete = Combinators.combine(number, Arbitraries.doubles().between(-1, 1))
                .as((n, v) -> new Op("complete " + n + " " + v,
                        s -> s.complete("m", n, Evaluation.complete(v, Map.of("v", v), 0.5))));
        Arbitrary<Op> fail = number.map(n -> new Op("fail " + n, s -> s.fail("m", n, "reason " + n)));
        Arbitrary<Op> stale = Arbitraries.integers().between(0, 3)
                .map(sec -> new Op("markStale " + sec + "s", s -> s.markStale("m", Duration.ofSeconds(sec))));
        Arbitrary<Op> report = Combinators.combine(number, Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1))
                .as((n, step, v) -> new Op("report " + n + "@" + step, s -> {
                    s.reportIntermediate("m", n, step, v);
                    return null;
                }));
        Arbitrary<Op> snapshot = Arbitraries.integers().between(0, 6).map(t -> new Op("snapshot " + t, s -> {
            s.saveSnapshot("m", t, "{\"t\":" + t + "}");
            return null;
        }));
        Arbitrary<Op> read = Arbitraries.just(new Op("trials", s -> new ArrayList<>(s.trials("m"))));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, enqueue), net.jqwik.api.Tuple.of(4, claim), net.jqwik.api.Tuple.of(2, heartbeat),
                        net.jqwik.api.Tuple.of(2, complete), net.jqwik.api.Tuple.of(1, fail), net.jqwik.api.Tuple.of(2, stale),
                        net.jqwik.api.Tuple.of(1, report), net.jqwik.api.Tuple.of(1, snapshot), net.jqwik.api.Tuple.of(1, read))
                .list();
    }

}
