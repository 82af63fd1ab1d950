package dev.connectome.nas.study.sql;

import static dev.connectome.nas.study.sql.Rows.CLAIMABLE;
import static dev.connectome.nas.study.sql.Rows.STUDY_COLUMNS;
import static dev.connectome.nas.study.sql.Rows.TRIAL_COLUMNS;
import static dev.connectome.nas.study.sql.Rows.anyClaimable;
import static dev.connectome.nas.study.sql.Rows.getDouble;
import static dev.connectome.nas.study.sql.Rows.intermediate;
import static dev.connectome.nas.study.sql.Rows.requireTrial;
import static dev.connectome.nas.study.sql.Rows.setDouble;
import static dev.connectome.nas.study.sql.Rows.study;
import static dev.connectome.nas.study.sql.Rows.studyId;
import static dev.connectome.nas.study.sql.Rows.trial;
import static dev.connectome.nas.study.sql.Rows.unknownStudy;
import static dev.connectome.nas.study.sql.Rows.withIntermediate;

import dev.connectome.nas.evaluate.Evaluation;
import dev.connectome.nas.study.IntermediateValue;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import dev.connectome.nas.study.TrialStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    private static final String FINISHED = "('COMPLETE', 'FAILED')";
    /** The study's id by name, inline, so that a one-statement call needs no separate lookup. */
    static final String STUDY_ID = "(SELECT id FROM studies WHERE name = ?)";
    /** PostgreSQL's SKIP LOCKED may return no row while a concurrent claim commits; look again a few times. */
    private static final int CLAIM_ATTEMPTS = 5;

    private final Clock clock;
    private final String description;
    private final Session session;

    /**
     * @param clock       source of started/heartbeat/finished times
     * @param description how messages name this store, e.g. {@code SQLite store 'connectome.db'}
     */
    protected JdbcTrialStore(Clock clock, String description) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.description = Objects.requireNonNull(description, "description");
        // The hooks run only from open() on, after the subclass constructor has set its fields.
        this.session = new Session(description, this::connect, c -> Migrations.apply(this, c), this::isConnectionLost,
                this::isTransientOpenError);
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

    /**
     * The sub-select picking the lowest claimable trial number of the study named by its one
     * parameter. Dialects override it when their planner would not use {@code trials_by_state}.
     */
    protected String firstClaimableSelect() {
        return "SELECT number FROM trials WHERE study_id = " + STUDY_ID + " AND state IN " + CLAIMABLE
                + " ORDER BY number LIMIT 1" + claimLockClause();
    }

    /** Whether the error is a unique/primary-key violation. */
    protected abstract boolean isUniqueViolation(SQLException e);

    /** Whether the error means the connection is gone (so a fresh one may be opened). */
    protected abstract boolean isConnectionLost(SQLException e);

    /** Whether an error while opening or migrating is worth another try after a short pause. */
    protected abstract boolean isTransientOpenError(SQLException e);

    /**
     * Opens the connection and brings the schema up to date; subclasses call it at the end of their
     * constructor.
     */
    protected final void open() {
        session.open();
    }

    /** How messages name this store. */
    public final String description() {
        return description;
    }

    /** Schema version of the open database. */
    public final int schemaVersion() {
        return session.read("read the schema version", Migrations::currentVersion);
    }

    // ---- studies -------------------------------------------------------------------------------

    @Override
    public void createStudy(StudyInfo info) {
        Objects.requireNonNull(info, "info");
        session.statement("create study '" + info.name() + "'", c -> {
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
        return session.read("find study '" + name + "'", c -> {
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
        return session.read("list studies", c -> {
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
        return session.statement("delete study '" + name + "'", c -> {
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
        return session.statement("enqueue trial " + number + " of study '" + study + "'", c -> {
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
        return session.statement("claim a trial of study '" + study + "'", c -> {
            for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE trials SET state = 'RUNNING', worker = ?, started = ?, heartbeat = ?, finished = NULL, value = NULL,"
                                + " metrics = '{}', cost_seconds = NULL, failure = NULL, attempts = attempts + 1"
                                + " WHERE study_id = " + STUDY_ID + " AND state IN " + CLAIMABLE + " AND number = ("
                                + firstClaimableSelect() + ")"
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
        return session.statement("heartbeat trial " + number + " of study '" + study + "'", c -> {
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
        return session.statement("finish trial " + number + " of study '" + study + "'", c -> {
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
        return session.statement("mark stale trials of study '" + study + "'", c -> {
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
        session.statement("report step " + step + " of trial " + number + " of study '" + study + "'", c -> {
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
        return session.read("read trials of study '" + study + "'", c -> {
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
        session.statement("save the strategy snapshot of study '" + study + "'", c -> {
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
        return session.read("read the strategy snapshot of study '" + study + "'", c -> {
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
        session.close();
    }

    @Override
    public String toString() {
        return description;
    }
}
