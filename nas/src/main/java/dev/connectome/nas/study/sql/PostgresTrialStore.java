package dev.connectome.nas.study.sql;

import static dev.connectome.nas.study.sql.Rows.execute;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;

/**
 * A store on a PostgreSQL server, for many workers on many machines sharing one study.
 *
 * <p>A claim selects the lowest-numbered claimable trial with {@code FOR UPDATE SKIP LOCKED} in a
 * read-committed transaction and moves it to RUNNING there: concurrent claimers skip each other's rows
 * instead of queueing on them. Schema migrations take a transaction-scoped advisory lock, so workers
 * that start together migrate one at a time.
 */
public final class PostgresTrialStore extends JdbcTrialStore {

    /** Key of the advisory lock that guards migrations (any constant unlikely to clash). */
    private static final long SCHEMA_LOCK_KEY = 0x636f6e6e6563L; // "connec"
    private static final int CONNECT_TIMEOUT_SECONDS = 10;

    private final String url;

    /** Connects to {@code jdbc:postgresql://HOST[:PORT]/DB[?user=..&password=..]} on the system clock. */
    public PostgresTrialStore(String jdbcUrl) {
        this(jdbcUrl, Clock.systemUTC());
    }

    /**
     * Connects and brings the schema up to date.
     *
     * @throws dev.connectome.nas.study.StoreException if the server cannot be reached or refuses the login
     */
    public PostgresTrialStore(String jdbcUrl, Clock clock) {
        super(clock, "PostgreSQL store '" + redact(jdbcUrl) + "'");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: '" + redact(jdbcUrl) + "'");
        }
        this.url = jdbcUrl;
        open();
    }

    /** The URL without credentials or parameters, fit for messages and logs. */
    static String redact(String jdbcUrl) {
        String s = jdbcUrl.startsWith("jdbc:postgresql://") ? jdbcUrl.substring("jdbc:postgresql://".length()) : jdbcUrl;
        int q = s.indexOf('?');
        if (q >= 0) {
            s = s.substring(0, q);
        }
        int at = s.lastIndexOf('@', s.indexOf('/') < 0 ? s.length() : s.indexOf('/'));
        if (at >= 0) {
            s = s.substring(at + 1);
        }
        return s;
    }

    @Override
    protected Connection connect() throws SQLException {
        Properties p = new Properties();
        // Defaults only: parameters given in the URL take precedence in the driver.
        p.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "connectome");
        Connection c = DriverManager.getConnection(url, p);
        c.setAutoCommit(true);
        return c;
    }

    @Override
    protected void begin(Connection c) throws SQLException {
        c.setAutoCommit(false);
    }

    @Override
    protected void commit(Connection c) throws SQLException {
        c.commit();
        c.setAutoCommit(true);
    }

    @Override
    protected void rollback(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback();
            c.setAutoCommit(true);
        }
    }

    @Override
    protected void lockSchema(Connection c) throws SQLException {
        execute(c, "SELECT pg_advisory_xact_lock(" + SCHEMA_LOCK_KEY + ")");
    }

    @Override
    protected String dialect() {
        return "postgresql";
    }

    @Override
    protected String claimLockClause() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    protected boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    @Override
    protected boolean isTransientOpenError(SQLException e) {
        return false; // concurrent migrations wait on the advisory lock instead of failing
    }

    @Override
    protected boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        // 08xxx: connection exceptions; 57P01..03: server shutting down or restarting.
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
