package dev.connectome.nas.study.sql;

import static dev.connectome.nas.study.sql.Rows.CLAIMABLE;
import static dev.connectome.nas.study.sql.Rows.execute;

import dev.connectome.nas.study.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The embedded default store: one SQLite file ({@code connectome.db} unless told otherwise).
 *
 * <p>Several processes may share the file. It runs in WAL mode (readers never block the writer),
 * with a busy timeout (a writer waits for another process's transaction instead of failing at once),
 * foreign keys on (deleting a study cascades). Every change is a single statement, and a writing
 * statement takes the database's write lock before it reads anything, so the pick-and-take of a
 * claim is atomic across processes; multi-statement transactions (migrations) start with
 * {@code BEGIN IMMEDIATE} for the same reason, so two writers never deadlock upgrading a read lock.
 * {@code synchronous=NORMAL} keeps every committed trial across a killed process (WAL only risks
 * the last transactions on a power loss, not on a crash).
 */
public final class SqliteTrialStore extends JdbcTrialStore {

    /** How long a writer waits for another process's write transaction before giving up. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(10);
    /** The file used when no storage is named. */
    public static final String DEFAULT_FILE = "connectome.db";

    private final Path file;
    private final Duration busyTimeout;

    /** Opens (creating if needed) the store in {@code file}, on the system clock. */
    public SqliteTrialStore(Path file) {
        this(file, Clock.systemUTC(), DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Opens (creating if needed) the store in {@code file}.
     *
     * @throws StoreException if the file's directory is missing, or the file is not a usable database
     */
    public SqliteTrialStore(Path file, Clock clock, Duration busyTimeout) {
        super(clock, "SQLite store '" + file + "'");
        this.file = file;
        this.busyTimeout = busyTimeout;
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new StoreException("cannot open SQLite store '" + file + "': directory '" + dir + "' does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new StoreException("cannot open SQLite store '" + file + "': it is a directory");
        }
        open();
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    @Override
    protected Connection connect() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        config.enforceForeignKeys(true);
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        try {
            // After the busy timeout is in force: switching to WAL needs a lock another process may hold.
            execute(c, "PRAGMA journal_mode = WAL");
            execute(c, "PRAGMA synchronous = NORMAL");
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    @Override
    protected void begin(Connection c) throws SQLException {
        // Not setAutoCommit(false): the driver would begin the next transaction right after each commit,
        // keeping the write lock between calls.
        execute(c, "BEGIN IMMEDIATE");
    }

    @Override
    protected void commit(Connection c) throws SQLException {
        execute(c, "COMMIT");
    }

    @Override
    protected void rollback(Connection c) throws SQLException {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException e) {
            // SQLite ends a transaction by itself on some errors (e.g. SQLITE_FULL); nothing is left to undo.
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                throw e;
            }
        }
    }

    @Override
    protected void lockSchema(Connection c) {
        // BEGIN IMMEDIATE already holds the database's write lock.
    }

    @Override
    protected String dialect() {
        return "sqlite";
    }

    @Override
    protected String claimLockClause() {
        return "";
    }

    /**
     * MIN over the (study_id, state, number) index: one seek per claimable state. With "ORDER BY number
     * LIMIT 1" SQLite walks the primary key from trial 0 past every finished trial, so a claim cost
     * grew with the study (76 ms at 6,000 MNIST256 WANN trials; 0.4 ms this way).
     */
    @Override
    protected String firstClaimableSelect() {
        return "SELECT MIN(number) FROM trials WHERE study_id = " + STUDY_ID + " AND state IN " + CLAIMABLE;
    }

    @Override
    protected boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                return true;
            }
        }
        return e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed");
    }

    /**
     * Processes opening a brand-new file together race while it switches to WAL: the loser can see
     * SQLITE_BUSY/LOCKED, SQLITE_PROTOCOL, or an I/O error on a journal file another connection just
     * removed (IOERR_DELETE_NOENT, IOERR_FSTAT). All pass; a persistent I/O error is still reported
     * after the retries.
     */
    @Override
    protected boolean isTransientOpenError(SQLException e) {
        if (!(e instanceof SQLiteException s)) {
            return false;
        }
        String code = s.getResultCode().name();
        return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code.startsWith("SQLITE_IOERR")
                || code.equals("SQLITE_PROTOCOL");
    }

    @Override
    protected boolean isConnectionLost(SQLException e) {
        return false; // a file does not go away like a server connection
    }
}
