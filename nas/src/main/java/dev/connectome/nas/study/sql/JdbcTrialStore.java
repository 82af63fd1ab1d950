package dev.connectome.nas.study.sql;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.IntermediateValue;
import dev.connectome.nas.study.StoreException;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.nas.study.TrialStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link TrialStore} on a SQL database through JDBC. The SQL is shared; subclasses supply the
 * connection, how a write transaction starts, and how a claim locks its row.
 *
 * <p>Concurrency: one store instance holds one connection and serialises its callers with a lock
 * (trial-store calls are short, so threads of one process gain nothing from a pool). Processes
 * coordinate through the database: every change is one SQL statement, atomic on its own (the
 * study is looked up inside it), so a call costs one round trip. {@link #claim} picks and takes its
 * trial in one {@code UPDATE ... RETURNING}; see there. Schema migrations use explicit transactions
 * ({@link #begin}/{@link #commit}).
 *
 * <p>Times come from the store's {@link Clock} (not the database's) and are kept to the millisecond.
 * Workers on several machines therefore need roughly synchronised clocks for stale detection.
 */
public abstract class JdbcTrialStore implements TrialStore {

    private static final String TRIAL_COLUMNS =
            "number, state, architecture, arch_key, value, metrics, cost_seconds, failure, worker, started, heartbeat, finished";
    private static final String STUDY_COLUMNS =
            "name, space, strategy, evaluator, direction, seed, settings, provenance, created";
    private static final String FINISHED = "('COMPLETE', 'FAILED')";
    private static final String CLAIMABLE = "('WAITING', 'STALE')";
    /** The study's id by name, inline, so that a one-statement call needs no separate lookup. */
    private static final String STUDY_ID = "(SELECT id FROM studies WHERE name = ?)";
    /** PostgreSQL's SKIP LOCKED may return no row while a concurrent claim commits; look again a few times. */
    private static final int CLAIM_ATTEMPTS = 5;

    private final Clock clock;
    private final String description;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection; // guarded by lock; null after close or a lost connection
    private boolean closed;        // guarded by lock
    private long lastUsedNanos;    // guarded by lock
    /** A connection idle for longer may have been dropped (server restart, firewall); check it before use. */
    private static final long IDLE_CHECK_NANOS = 30_000_000_000L;

    /** A unit of database work run under the store's lock. */
    @FunctionalInterface
    protected interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * @param clock       source of started/heartbeat/finished times
     * @param description how messages name this store, e.g. {@code SQLite store 'connectome.db'}
     */
    protected JdbcTrialStore(Clock clock, String description) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.description = Objects.requireNonNull(description, "description");
    }

    // ---- dialect hooks -------------------------------------------------------------------------

    /** Opens a new connection in auto-commit mode, configured for this store. */
    protected abstract Connection connect() throws SQLException;

    /** Starts a write transaction that holds the lock making read-then-write atomic (used by migrations). */
    protected abstract void begin(Connection c) throws SQLException;

    /** Commits the transaction started by {@link #begin} and returns to auto-commit. */
    protected abstract void commit(Connection c) throws SQLException;

    /** Rolls back the transaction started by {@link #begin} and returns to auto-commit. */
    protected abstract void rollback(Connection c) throws SQLException;

    /** Called first inside each migration transaction so that concurrent openers migrate one at a time. */
    protected abstract void lockSchema(Connection c) throws SQLException;

    /** Resource folder of this dialect's migration scripts ("sqlite", "postgresql"). */
    protected abstract String dialect();

    /** Suffix of the claim's sub-select that locks the chosen row ("" when a writing statement already locks). */
    protected abstract String claimLockClause();

    /** Whether the error is a unique/primary-key violation. */
    protected abstract boolean isUniqueViolation(SQLException e);

    /** Whether the error means the connection is gone (so a fresh one may be opened). */
    protected abstract boolean isConnectionLost(SQLException e);

    /**
     * Opens the connection and brings the schema up to date; subclasses call it at the end of their
     * constructor.
     */
    protected final void open() {
        lock.lock();
        try {
            connection();
        } finally {
            lock.unlock();
        }
    }

    /** How messages name this store. */
    public final String description() {
        return description;
    }

    /** Schema version of the open database. */
    public final int schemaVersion() {
        return read("read the schema version", Migrations::currentVersion);
    }

    // ---- studies -------------------------------------------------------------------------------

    @Override
    public void createStudy(StudyInfo info) {
        Objects.requireNonNull(info, "info");
        statement("create study '" + info.name() + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO studies (" + STUDY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, info.name());
                ps.setString(2, info.space());
                ps.setString(3, info.strategy());
                ps.setString(4, info.evaluator());
                ps.setString(5, info.direction().name());
                ps.setLong(6, info.seed());
                ps.setString(7, info.settingsJson());
                ps.setString(8, info.provenanceJson());
                ps.setLong(9, info.created().toEpochMilli());
                ps.executeUpdate();
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    throw new IllegalArgumentException("study '" + info.name() + "' already exists");
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<StudyInfo> findStudy(String name) {
        return read("find study '" + name + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + STUDY_COLUMNS + " FROM studies WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(study(rs)) : Optional.<StudyInfo>empty();
                }
            }
        });
    }

    @Override
    public List<StudyInfo> listStudies() {
        return read("list studies", c -> {
            List<StudyInfo> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + STUDY_COLUMNS + " FROM studies ORDER BY created, name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(study(rs));
                }
            }
            return list;
        });
    }

    @Override
    public boolean deleteStudy(String name) {
        // Trials, intermediate values and the snapshot go by ON DELETE CASCADE.
        return statement("delete study '" + name + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM studies WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    // ---- trials --------------------------------------------------------------------------------

    @Override
    public TrialRecord enqueue(String study, int number, String architecture, String key) {
        TrialRecord waiting = TrialRecord.waiting(study, number, architecture, key); // validates arguments
        return statement("enqueue trial " + number + " of study '" + study + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO trials (study_id, number, state, architecture, arch_key, enqueued)"
                            + " SELECT id, ?, 'WAITING', ?, ?, ? FROM studies WHERE name = ?")) {
                ps.setInt(1, number);
                ps.setString(2, architecture);
                ps.setString(3, key);
                ps.setLong(4, clock.millis());
                ps.setString(5, study);
                if (ps.executeUpdate() == 0) {
                    throw unknownStudy(study);
                }
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    throw new IllegalArgumentException("study '" + study + "' already has trial " + number);
                }
                throw e;
            }
            return waiting;
        });
    }

    /**
     * One statement picks and takes the trial. On SQLite a writing statement holds the database's
     * write lock from its start; on PostgreSQL the sub-select locks the row it picks and skips rows
     * other claimers hold. Either way no two claimers get the same trial.
     */
    @Override
    public Optional<TrialRecord> claim(String study, String worker) {
        Objects.requireNonNull(worker, "worker");
        return statement("claim a trial of study '" + study + "'", c -> {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE trials SET state = 'RUNNING', worker = ?, started = ?, heartbeat = ?, finished = NULL, value = NULL,"
                                + " metrics = '{}', cost_seconds = NULL, failure = NULL, attempts = attempts + 1"
                                + " WHERE study_id = " + STUDY_ID + " AND state IN " + CLAIMABLE + " AND number = ("
                                + "SELECT number FROM trials WHERE study_id = " + STUDY_ID + " AND state IN " + CLAIMABLE
                                + " ORDER BY number LIMIT 1" + claimLockClause() + ")"
                                + " RETURNING " + TRIAL_COLUMNS + ", study_id")) {
                    long now = clock.millis();
                    ps.setString(1, worker);
                    ps.setLong(2, now);
                    ps.setLong(3, now);
                    ps.setString(4, study);
                    ps.setString(5, study);
                    TrialRecord claimed = null;
                    long id = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            claimed = trial(rs, study, List.of());
                            id = rs.getLong(13);
                        }
                    }
                    if (claimed != null) {
                        // Values reported before this claim (an earlier attempt, or any caller) come along.
                        List<IntermediateValue> steps = intermediate(c, id, claimed.number());
                        return Optional.of(steps.isEmpty() ? claimed : withIntermediate(claimed, steps));
                    }
                }
                // PostgreSQL may find nothing while a concurrent claim commits; look again unless all are taken.
                if (!anyClaimable(c, studyId(c, study))) {
                    break;
                }
            }
            return Optional.<TrialRecord>empty();
        });
    }

    @Override
    public boolean heartbeat(String study, int number, String worker) {
        return statement("heartbeat trial " + number + " of study '" + study + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET heartbeat = ? WHERE study_id = " + STUDY_ID
                    + " AND number = ? AND state = 'RUNNING' AND worker = ?")) {
                ps.setLong(1, clock.millis());
                ps.setString(2, study);
                ps.setInt(3, number);
                ps.setString(4, worker);
                if (ps.executeUpdate() > 0) {
                    return true;
                }
            }
            requireTrial(c, studyId(c, study), study, number);
            return false;
        });
    }

    @Override
    public boolean complete(String study, int number, Evaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation");
        TrialState state = evaluation.isComplete() ? TrialState.COMPLETE : TrialState.FAILED;
        String metrics = MetricsJson.write(evaluation.metrics());
        return statement("finish trial " + number + " of study '" + study + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE trials SET state = ?, value = ?, metrics = ?, cost_seconds = ?, failure = ?, finished = ?"
                            + " WHERE study_id = " + STUDY_ID + " AND number = ? AND state NOT IN " + FINISHED)) {
                ps.setString(1, state.name());
                setDouble(ps, 2, evaluation.value());
                ps.setString(3, metrics);
                setDouble(ps, 4, evaluation.costSeconds());
                ps.setString(5, evaluation.failure());
                ps.setLong(6, clock.millis());
                ps.setString(7, study);
                ps.setInt(8, number);
                if (ps.executeUpdate() > 0) {
                    return true;
                }
            }
            requireTrial(c, studyId(c, study), study, number);
            return false;
        });
    }

    @Override
    public boolean fail(String study, int number, String reason) {
        return complete(study, number, Evaluation.failed(reason, Double.NaN));
    }

    @Override
    public int markStale(String study, Duration maxAge) {
        Objects.requireNonNull(maxAge, "maxAge");
        return statement("mark stale trials of study '" + study + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE trials SET state = 'STALE', value = NULL, metrics = '{}', cost_seconds = NULL, failure = NULL"
                            + " WHERE study_id = " + STUDY_ID + " AND state = 'RUNNING' AND heartbeat < ?")) {
                ps.setString(1, study);
                ps.setLong(2, clock.millis() - maxAge.toMillis());
                int n = ps.executeUpdate();
                if (n == 0) {
                    studyId(c, study); // an unknown study is an error, not "nothing was stale"
                }
                return n;
            }
        });
    }

    @Override
    public void reportIntermediate(String study, int number, int step, double value) {
        statement("report step " + step + " of trial " + number + " of study '" + study + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO intermediate_values (study_id, number, step, value)"
                            + " SELECT study_id, number, ?, ? FROM trials WHERE study_id = " + STUDY_ID + " AND number = ?"
                            + " ON CONFLICT (study_id, number, step) DO UPDATE SET value = excluded.value")) {
                ps.setInt(1, step);
                setDouble(ps, 2, value);
                ps.setString(3, study);
                ps.setInt(4, number);
                if (ps.executeUpdate() == 0) {
                    requireTrial(c, studyId(c, study), study, number);
                }
            }
            return null;
        });
    }

    @Override
    public List<TrialRecord> trials(String study) {
        return read("read trials of study '" + study + "'", c -> {
            long id = studyId(c, study);
            Map<Integer, List<IntermediateValue>> steps = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT number, step, value FROM intermediate_values WHERE study_id = ? ORDER BY number, step")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        steps.computeIfAbsent(rs.getInt(1), n -> new ArrayList<>())
                                .add(new IntermediateValue(rs.getInt(2), getDouble(rs, 3)));
                    }
                }
            }
            List<TrialRecord> list = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + TRIAL_COLUMNS + " FROM trials WHERE study_id = ? ORDER BY number")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(trial(rs, study, steps.getOrDefault(rs.getInt(1), List.of())));
                    }
                }
            }
            return list;
        });
    }

    // ---- snapshots -----------------------------------------------------------------------------

    @Override
    public void saveSnapshot(String study, int throughTrial, String json) {
        Objects.requireNonNull(json, "json");
        statement("save the strategy snapshot of study '" + study + "'", c -> {
            // Only the newest snapshot is kept; an older one arriving late must not replace it.
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO snapshots (study_id, through_trial, state, saved) SELECT id, ?, ?, ? FROM studies WHERE name = ?"
                            + " ON CONFLICT (study_id) DO UPDATE SET through_trial = excluded.through_trial,"
                            + " state = excluded.state, saved = excluded.saved"
                            + " WHERE excluded.through_trial >= snapshots.through_trial")) {
                ps.setInt(1, throughTrial);
                ps.setString(2, json);
                ps.setLong(3, clock.millis());
                ps.setString(4, study);
                if (ps.executeUpdate() == 0) {
                    studyId(c, study); // nothing written: an unknown study, or an older snapshot (ignored)
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Snapshot> latestSnapshot(String study) {
        return read("read the strategy snapshot of study '" + study + "'", c -> {
            long id = studyId(c, study);
            try (PreparedStatement ps = c.prepareStatement("SELECT through_trial, state FROM snapshots WHERE study_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Snapshot(rs.getInt(1), rs.getString(2))) : Optional.<Snapshot>empty();
                }
            }
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            closeQuietly();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return description;
    }

    // ---- plumbing ------------------------------------------------------------------------------

    /** Runs read-only work in auto-commit mode; retried once on a fresh connection if the old one was lost. */
    protected final <T> T read(String action, Work<T> work) {
        lock.lock();
        try {
            for (int attempt = 0; ; attempt++) {
                Connection c = connection();
                try {
                    return work.run(c);
                } catch (SQLException e) {
                    if (attempt == 0 && isConnectionLost(e)) {
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
    protected final <T> T statement(String action, Work<T> work) {
        lock.lock();
        try {
            Connection c = connection();
            try {
                return work.run(c);
            } catch (SQLException e) {
                if (isConnectionLost(e)) {
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
            Connection c;
            try {
                c = connect();
            } catch (SQLException e) {
                throw new StoreException("cannot open " + description + ": " + oneLine(e), e);
            }
            try {
                Migrations.apply(this, c);
            } catch (SQLException e) {
                closeQuietly(c);
                throw new StoreException("cannot prepare the schema of " + description + ": " + oneLine(e), e);
            } catch (RuntimeException e) {
                closeQuietly(c);
                throw e;
            }
            connection = c;
        }
        return connection;
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

    private void rollbackQuietly(Connection c, Throwable cause) {
        try {
            rollback(c);
        } catch (SQLException e) {
            cause.addSuppressed(e);
            closeQuietly(); // the connection state is unknown; start afresh next time
        }
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

    private static boolean anyClaimable(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM trials WHERE study_id = ? AND state IN " + CLAIMABLE + " LIMIT 1")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Long findStudyId(Connection c, String study) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM studies WHERE name = ?")) {
            ps.setString(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long studyId(Connection c, String study) throws SQLException {
        Long id = findStudyId(c, study);
        if (id == null) {
            throw unknownStudy(study);
        }
        return id;
    }

    private static IllegalArgumentException unknownStudy(String study) {
        return new IllegalArgumentException("no study named '" + study + "'");
    }

    private static void requireTrial(Connection c, long id, String study, int number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM trials WHERE study_id = ? AND number = ?")) {
            ps.setLong(1, id);
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("study '" + study + "' has no trial " + number);
                }
            }
        }
    }

    private static List<IntermediateValue> intermediate(Connection c, long id, int number) throws SQLException {
        List<IntermediateValue> steps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT step, value FROM intermediate_values WHERE study_id = ? AND number = ? ORDER BY step")) {
            ps.setLong(1, id);
            ps.setInt(2, number);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    steps.add(new IntermediateValue(rs.getInt(1), getDouble(rs, 2)));
                }
            }
        }
        return steps;
    }

    private static TrialRecord withIntermediate(TrialRecord r, List<IntermediateValue> steps) {
        return new TrialRecord(r.study(), r.number(), r.state(), r.architecture(), r.key(), r.value(), r.metrics(),
                r.costSeconds(), r.failure(), r.worker(), r.started(), r.heartbeat(), r.finished(), steps);
    }

    private static StudyInfo study(ResultSet rs) throws SQLException {
        return new StudyInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Direction.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getString(8),
                Instant.ofEpochMilli(rs.getLong(9)));
    }

    private static TrialRecord trial(ResultSet rs, String study, List<IntermediateValue> steps) throws SQLException {
        return new TrialRecord(study, rs.getInt(1), TrialState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                getDouble(rs, 5), MetricsJson.read(rs.getString(6)), getDouble(rs, 7), rs.getString(8), rs.getString(9),
                getInstant(rs, 10), getInstant(rs, 11), getInstant(rs, 12), steps);
    }

    /** NaN is stored as NULL: SQLite cannot keep NaN, and NULL reads the same in both dialects. */
    private static void setDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, java.sql.Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    private static double getDouble(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? Double.NaN : v;
    }

    private static Instant getInstant(ResultSet rs, int index) throws SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** Executes one statement that returns no rows. */
    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
