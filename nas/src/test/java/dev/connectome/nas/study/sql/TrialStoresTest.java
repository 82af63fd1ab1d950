package dev.connectome.nas.study.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.connectome.nas.study.StoreException;
import dev.connectome.nas.study.TrialStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code --storage} text selects a store. */
class TrialStoresTest {

    @TempDir
    Path dir;

    @Test
    void aPathOrSqliteUrlOpensASqliteFile() {
        for (String form : new String[] {"", "sqlite:", "jdbc:sqlite:"}) {
            Path file = dir.resolve("s" + form.length() + ".db");
            try (TrialStore store = TrialStores.open(form + file)) {
                assertThat(store).isInstanceOf(SqliteTrialStore.class);
                assertThat(((SqliteTrialStore) store).file()).isEqualTo(file);
            }
            assertThat(Files.exists(file)).as(form).isTrue();
        }
    }

    @Test
    void postgresUrlsOpenPostgres() throws Exception {
        String server = PgTestDatabase.serverUrl();
        String schema = PgTestDatabase.createSchema(server);
        try (TrialStore store = TrialStores.open(PgTestDatabase.urlFor(server, schema))) {
            assertThat(store).isInstanceOf(PostgresTrialStore.class);
            assertThat(store.listStudies()).isEmpty();
        } finally {
            PgTestDatabase.dropSchema(server, schema);
        }
    }

    @Test
    void unsupportedOrBrokenUrlsAreOneLineErrors() {
        assertThatThrownBy(() -> TrialStores.open("jdbc:mysql://host/db?password=pw")).isInstanceOf(StoreException.class)
                .hasMessageContaining("unsupported storage").hasMessageNotContaining("pw");
        assertThatThrownBy(() -> TrialStores.open("mongodb://host/db")).isInstanceOf(StoreException.class)
                .hasMessageContaining("unsupported storage");
        assertThatThrownBy(() -> TrialStores.open("jdbc:postgresql:db")).isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:postgresql://HOST");
        assertThatThrownBy(() -> TrialStores.open("sqlite:")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> TrialStores.open("postgresql://127.0.0.1:1/x")).isInstanceOf(StoreException.class)
                .hasMessageContaining("127.0.0.1:1/x").hasMessageNotContaining("\n");
    }
}
