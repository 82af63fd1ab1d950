package dev.connectome.nas.study.sql;

import dev.connectome.nas.study.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The one connection of a SQL store and the lock its callers share: opens it lazily (preparing the
 * schema on each new connection), replaces it when lost, and turns SQL errors into one-line
 * {@link StoreException}s that name the store and the action.
 */
final class Session {

    /** A unit of database work run under the lock. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Opens a connection. */
    @FunctionalInterface
    interface Connector {
        Connection connect() throws SQLException;
    }

    /** Readies a new connection's database (schema migrations). */
    @FunctionalInterface
    interface Preparer {
        void prepare(Connection c) throws SQLException;
    }

    /** A connection idle for longer may have been dropped (server restart, firewall); check it before use. */
    private static final long IDLE_CHECK_NANOS = 30_000_000_000L;
    /** Tries at opening when the error is transient (about 2 s of back-off in all). */
    private static final int OPEN_ATTEMPTS = 20;

    private final String description;
    private final Connector connector;
    private final Preparer preparer;
    private final Predicate<SQLException> lost;
    private final Predicate<SQLException> transientOpen;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection; // guarded by lock; null before open, after close or a lost connection
    private boolean closed;        // guarded by lock
    private long lastUsedNanos;    // guarded by lock

    Session(String description, Connector connector, Preparer preparer, Predicate<SQLException> lost,
            Predicate<SQLException> transientOpen) {
        this.description = description;
        this.connector = connector;
        this.preparer = preparer;
        this.lost = lost;
        this.transientOpen = transientOpen;
    }

    /** Connects now (so that a bad URL or file fails at once, not on first use). */
    void open() {
        lock.lock();
        try {
            connection();
        } finally {
            lock.unlock();
        }
    }

    /** Closes the connection; later calls fail with "closed". */
    void close() {
        lock.lock();
        try {
            closed = true;
            closeQuietly();
        } finally {
            lock.unlock();
        }
    }

    /** Runs read-only work in auto-commit mode; retried once on a fresh connection if the old one was lost. */
    <T> T read(String action, Work<T> work) {
        lock.lock();
        try {
            for (int attempt = 0; ; attempt++) {
                Connection c = connection();
                try {
                    return work.run(c);
                } catch (SQLException e) {
                    if (attempt == 0 && lost.test(e)) {
                        closeQuietly();
                        continue;
                    }
                    throw failure(action, e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs one writing statement (plus read-only checks after it) in auto-commit mode, where the
     * statement is its own transaction. Not retried: a lost connection leaves its outcome unknown.
     */
    <T> T statement(String action, Work<T> work) {
        lock.lock();
        try {
            Connection c = connection();
            try {
                return work.run(c);
            } catch (SQLException e) {
                if (lost.test(e)) {
                    closeQuietly();
                }
                throw failure(action, e);
            }
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() {
        if (closed) {
            throw new StoreException(description + " is closed");
        }
        long now = System.nanoTime();
        if (connection != null && now - lastUsedNanos > IDLE_CHECK_NANOS && !isValid(connection)) {
            closeQuietly();
        }
        lastUsedNanos = now;
        if (connection == null) {
            connection = openConnection();
        }
        return connection;
    }

    /** Connects and prepares the schema; transient errors (processes opening one new file together) are retried. */
    private Connection openConnection() {
        for (int attempt = 1; ; attempt++) {
            Connection c = null;
            try {
                c = connector.connect();
                preparer.prepare(c);
                return c;
            } catch (SQLException e) {
                if (c != null) {
                    closeQuietly(c);
                }
                if (attempt < OPEN_ATTEMPTS && transientOpen.test(e)) {
                    pause(10L * attempt, e);
                    continue;
                }
                throw new StoreException((c == null ? "cannot open " : "cannot prepare the schema of ")
                        + description + ": " + oneLine(e), e);
            } catch (RuntimeException e) {
                if (c != null) {
                    closeQuietly(c);
                }
                throw e;
            }
        }
    }

    private void pause(long millis, SQLException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while opening " + description + ": " + oneLine(cause), cause);
        }
    }

    private static boolean isValid(Connection c) {
        try {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private StoreException failure(String action, SQLException e) {
        return new StoreException(description + ": cannot " + action + ": " + oneLine(e), e);
    }

    private void closeQuietly() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }

    /** The exception's message on one line (drivers sometimes add hints on further lines). */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
