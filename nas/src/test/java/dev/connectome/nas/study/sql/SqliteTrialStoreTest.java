package dev.connectome.nas.study.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.study.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite specifics: file settings, migrations, and errors a user can cause. */
class SqliteTrialStoreTest {

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));

    private SqliteTrialStore open(Path file) {
        return new SqliteTrialStore(file, clock, Duration.ofSeconds(10));
    }

    private static String query(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void newFileIsInWalModeAtTheLatestSchemaVersion() throws Exception {
        Path file = dir.resolve("a.db");
        try (SqliteTrialStore store = open(file)) {
            assertThat(store.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(store.file()).isEqualTo(file);
        }
        assertThat(query(file, "PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(query(file, "SELECT COUNT(*) FROM schema_version")).isEqualTo(String.valueOf(Migrations.ALL.size()));
        assertThat(query(file, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                + "('studies', 'trials', 'intermediate_values', 'snapshots')")).isEqualTo("4");
    }

    @Test
    void reopeningDoesNotMigrateAgain() throws Exception {
        Path file = dir.resolve("a.db");
        open(file).close();
        open(file).close();
        assertThat(query(file, "SELECT COUNT(*) FROM schema_version")).isEqualTo(String.valueOf(Migrations.ALL.size()));
    }

    /** Workers starting together on a new file race while it switches to WAL (once failed with IOERR_DELETE_NOENT). */
    @RepeatedTest(8)
    void manyStoresOpeningOneNewFileAtOnceMigrateItOnce(RepetitionInfo repetition) throws Exception {
        Path file = dir.resolve("race" + repetition.getCurrentRepetition() + ".db");
        int n = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Integer>> versions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                versions.add(pool.submit(() -> {
                    start.await();
                    try (SqliteTrialStore s = open(file)) {
                        return s.schemaVersion();
                    }
                }));
            }
            start.countDown();
            for (Future<Integer> v : versions) {
                assertThat(v.get(1, TimeUnit.MINUTES)).isEqualTo(Migrations.latestVersion());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(query(file, "SELECT COUNT(*) FROM schema_version")).isEqualTo(String.valueOf(Migrations.ALL.size()));
    }

    @Test
    void aDatabaseFromANewerConnectomeIsRefused() throws Exception {
        Path file = dir.resolve("new.db");
        open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version (version, description, applied) VALUES (999, 'future', 0)");
        }
        assertThatThrownBy(() -> open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("999").hasMessageContaining("upgrade connectome");
    }

    @Test
    void aFileThatIsNotADatabaseGivesOneClearLine() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are not the tables you are looking for\n".repeat(200));
        assertThatThrownBy(() -> open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("notes.txt").hasMessageNotContaining("\n");
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path file = dir.resolve("no/such/dir/connectome.db");
        assertThatThrownBy(() -> open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("dir");
        assertThat(Files.exists(dir.resolve("no"))).isFalse();
    }

    @Test
    void aDirectoryIsNotAStore() {
        assertThatThrownBy(() -> open(dir)).isInstanceOf(StoreException.class).hasMessageContaining("directory");
    }

    @Test
    void aClosedStoreSaysSo() {
        SqliteTrialStore store = open(dir.resolve("c.db"));
        store.close();
        assertThatThrownBy(store::listStudies).isInstanceOf(StoreException.class).hasMessageContaining("closed");
    }

    @Test
    void aWriterWaitsForAnotherProcessesTransactionInsteadOfFailing() throws Exception {
        Path file = dir.resolve("busy.db");
        try (SqliteTrialStore store = open(file);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            store.createStudy(TrialStoreContract.study("s", clock.instant()));
            try (Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE"); // another process holds the write lock ...
                Thread release = new Thread(() -> {
                    try {
                        Thread.sleep(300);
                        st.execute("COMMIT"); // ... and lets go a little later
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                release.start();
                store.enqueue("s", 0, "a", "k"); // blocks on the busy timeout, then succeeds
                release.join();
            }
            assertThat(store.trials("s")).hasSize(1);
        }
    }

    @Test
    void aWriterGivesUpWithAClearMessageAfterTheBusyTimeout() throws Exception {
        Path file = dir.resolve("locked.db");
        try (SqliteTrialStore store = new SqliteTrialStore(file, clock, Duration.ofMillis(200));
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = other.createStatement()) {
            store.createStudy(TrialStoreContract.study("s", clock.instant()));
            st.execute("BEGIN IMMEDIATE");
            assertThatThrownBy(() -> store.enqueue("s", 0, "a", "k")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("locked.db").hasMessageContaining("enqueue trial 0");
            st.execute("ROLLBACK");
            store.enqueue("s", 0, "a", "k"); // the store is usable again afterwards
            assertThat(store.trials("s")).hasSize(1);
        }
    }

    @Test
    void migrationScriptsSplitIntoStatements() {
        assertThat(Migrations.statements("-- comment; not a statement\nCREATE TABLE a (x INT);\n\n  -- more\nCREATE INDEX i ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)");
    }
}
