package dev.connectome.nas.study.sql;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real PostgreSQL server named by {@code CONNECTOME_TEST_PG_URL} (started by .ci/postgres.sh).
 * Each test gets its own schema, so tests never see each other's studies and every test starts
 * from an empty, freshly migrated database.
 */
final class PgTestDatabase {

    static final String ENV = "CONNECTOME_TEST_PG_URL";
    /** Set (to anything) on CI so that a missing server fails the tests instead of skipping them. */
    static final String REQUIRE_ENV = "CONNECTOME_REQUIRE_PG";

    private PgTestDatabase() {
    }

    /** The server URL; skips the calling test when the variable is unset (fails if CONNECTOME_REQUIRE_PG is set). */
    static String serverUrl() {
        String url = System.getenv(ENV);
        if ((url == null || url.isBlank()) && System.getenv(REQUIRE_ENV) != null) {
            throw new IllegalStateException(REQUIRE_ENV + " is set but " + ENV + " is not (run: eval \"$(.ci/postgres.sh)\")");
        }
        assumeThat(url).as(ENV + " is not set (run: eval \"$(.ci/postgres.sh)\")").isNotBlank();
        return url;
    }

    /** Creates an empty schema and returns its name. */
    static String createSchema(String serverUrl) throws SQLException {
        String schema = "ct_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(serverUrl); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        return schema;
    }

    /** A URL whose connections work inside {@code schema}. */
    static String urlFor(String serverUrl, String schema) {
        return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void dropSchema(String serverUrl, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
