package dev.connectome.nas.study.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import dev.connectome.nas.study.StoreException;

/**
 * The ordered schema migrations of the SQL trial stores. Each is a script per dialect under
 * {@code dev/connectome/nas/study/sql/<dialect>/}, applied in its own transaction together with its
 * row in {@code schema_version}. A schema change is a new entry at the end of {@link #ALL}; shipped
 * scripts are never edited.
 */
public final class Migrations {

    /** One schema step. @param version 1, 2, ... @param description what it changes @param script file name */
    public record Migration(int version, String description, String script) {
    }

    /** All migrations in order; versions are 1..n without gaps. */
    public static final List<Migration> ALL = List.of(
            new Migration(1, "studies, trials, intermediate values, snapshots", "V001__initial_schema.sql"));

    private static final String VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version ("
            + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied BIGINT NOT NULL)";

    private Migrations() {
    }

    /** The schema version this code writes. */
    public static int latestVersion() {
        return ALL.get(ALL.size() - 1).version();
    }

    /**
     * Brings the database up to {@link #latestVersion()}. Safe when several processes open one
     * database at once: each step re-reads the version after taking the store's schema lock.
     */
    static void apply(JdbcTrialStore store, Connection c) throws SQLException {
        if (quickVersion(c) == latestVersion()) {
            return;
        }
        for (Migration m : ALL) {
            store.begin(c);
            try {
                store.lockSchema(c);
                Rows.execute(c, VERSION_TABLE);
                int current = currentVersion(c);
                checkNotNewer(store, current);
                if (current < m.version()) {
                    if (current != m.version() - 1) {
                        throw new StoreException(store.description() + ": schema version " + current
                                + " cannot be migrated to " + m.version());
                    }
                    for (String sql : statements(load(store.dialect(), m.script()))) {
                        Rows.execute(c, sql);
                    }
                    try (var ps = c.prepareStatement(
                            "INSERT INTO schema_version (version, description, applied) VALUES (?, ?, ?)")) {
                        ps.setInt(1, m.version());
                        ps.setString(2, m.description());
                        ps.setLong(3, System.currentTimeMillis());
                        ps.executeUpdate();
                    }
                }
                store.commit(c);
            } catch (SQLException | RuntimeException e) {
                try {
                    store.rollback(c);
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        }
    }

    /** The schema version recorded in the database (0 for an empty database). */
    static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Version read outside a transaction, or -1 when there is no version table yet (a fresh database). */
    private static int quickVersion(Connection c) {
        try {
            return currentVersion(c);
        } catch (SQLException e) {
            return -1; // a real connection problem shows up again in the first migration transaction
        }
    }

    private static void checkNotNewer(JdbcTrialStore store, int current) {
        if (current > latestVersion()) {
            throw new StoreException(store.description() + " has schema version " + current
                    + ", newer than this connectome understands (" + latestVersion() + "); upgrade connectome");
        }
    }

    /** Splits a script into statements: drops "--" comment lines, splits at semicolons. */
    static List<String> statements(String script) {
        StringBuilder sql = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : sql.toString().split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String load(String dialect, String script) {
        String path = dialect + "/" + script;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing migration script " + path + " next to " + Migrations.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + path, e);
        }
    }
}
