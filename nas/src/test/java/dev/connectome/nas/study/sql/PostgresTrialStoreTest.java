package dev.connectome.nas.study.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.study.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** PostgreSQL specifics on a real server (CONNECTOME_TEST_PG_URL), plus errors that need no server. */
class PostgresTrialStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));

    @Test
    void workersStartingTogetherMigrateOnce() throws Exception {
        String server = PgTestDatabase.serverUrl();
        String schema = PgTestDatabase.createSchema(server);
        String url = PgTestDatabase.urlFor(server, schema);
        int n = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> versions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                versions.add(pool.submit(() -> {
                    start.await();
                    try (PostgresTrialStore s = new PostgresTrialStore(url, clock)) {
                        return s.schemaVersion();
                    }
                }));
            }
            start.countDown();
            for (Future<Integer> v : versions) {
                assertThat(v.get(1, TimeUnit.MINUTES)).isEqualTo(Migrations.latestVersion());
            }
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(Migrations.ALL.size());
            }
        } finally {
            pool.shutdownNow();
            PgTestDatabase.dropSchema(server, schema);
        }
    }

    @Test
    void aDroppedConnectionIsReplacedOnTheNextCall() throws Exception {
        String server = PgTestDatabase.serverUrl();
        String schema = PgTestDatabase.createSchema(server);
        String url = PgTestDatabase.urlFor(server, schema);
        try (PostgresTrialStore store = new PostgresTrialStore(url, clock)) {
            store.createStudy(TrialStoreContract.study("s", clock.instant()));
            // The server ends the store's session (as on a restart or an idle-connection reaper).
            try (Connection c = DriverManager.getConnection(server); Statement st = c.createStatement()) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE application_name = 'connectome' AND pid <> pg_backend_pid()");
            }
            assertThat(store.findStudy("s")).isPresent(); // a read is retried on a fresh connection
            store.enqueue("s", 0, "a", "k");
            assertThat(store.trials("s")).hasSize(1);
        } finally {
            PgTestDatabase.dropSchema(server, schema);
        }
    }

    @Test
    void randomCallSequencesAgreeWithTheInMemoryStore() throws Exception {
        String server = PgTestDatabase.serverUrl();
        List<List<StoreModelProperties.Op>> programs = new StoreModelProperties().programs()
                .filter(p -> !p.isEmpty() && p.size() <= 60).sampleStream().limit(15).toList();
        for (List<StoreModelProperties.Op> program : programs) {
            String schema = PgTestDatabase.createSchema(server);
            MutableClock storeClock = new MutableClock(clock.instant());
            try (PostgresTrialStore store = new PostgresTrialStore(PgTestDatabase.urlFor(server, schema), storeClock)) {
                StoreModelProperties.agree(store, storeClock, program);
            } finally {
                PgTestDatabase.dropSchema(server, schema);
            }
        }
    }

    @Test
    void anUnreachableServerGivesOneLineWithoutThePassword() {
        assertThatThrownBy(() -> new PostgresTrialStore("jdbc:postgresql://127.0.0.1:1/studies?user=me&password=s3cret", clock))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("cannot open PostgreSQL store '127.0.0.1:1/studies'")
                .hasMessageNotContaining("s3cret").hasMessageNotContaining("\n");
    }

    @Test
    void credentialsAreRedactedFromDescriptions() {
        assertThat(PostgresTrialStore.redact("jdbc:postgresql://bob:pw@db.example:5433/x?ssl=true")).isEqualTo("db.example:5433/x");
        assertThat(PostgresTrialStore.redact("jdbc:postgresql://db/x")).isEqualTo("db/x");
    }
}
