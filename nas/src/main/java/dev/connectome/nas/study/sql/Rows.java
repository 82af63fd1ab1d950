package dev.connectome.nas.study.sql;

import dev.connectome.nas.study.Direction;
import dev.connectome.nas.study.IntermediateValue;
import dev.connectome.nas.study.StudyInfo;
import dev.connectome.nas.study.TrialRecord;
import dev.connectome.nas.study.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Row mapping and small look-ups shared by the SQL stores (the same SQL in both dialects). */
final class Rows {

    static final String TRIAL_COLUMNS =
            "number, state, architecture, arch_key, value, metrics, cost_seconds, failure, worker, started, heartbeat, finished";
    static final String STUDY_COLUMNS =
            "name, space, strategy, evaluator, direction, seed, settings, provenance, created";
    static final String CLAIMABLE = "('WAITING', 'STALE')";

    private Rows() {
    }

    static boolean anyClaimable(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM trials WHERE study_id = ? AND state IN " + CLAIMABLE + " LIMIT 1")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static Long findStudyId(Connection c, String study) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM studies WHERE name = ?")) {
            ps.setString(1, study);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    static long studyId(Connection c, String study) throws SQLException {
        Long id = findStudyId(c, study);
        if (id == null) {
            throw unknownStudy(study);
        }
        return id;
    }

    static IllegalArgumentException unknownStudy(String study) {
        return new IllegalArgumentException("no study named '" + study + "'");
    }

    static void requireTrial(Connection c, long id, String study, int number) throws SQLException {
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

    static List<IntermediateValue> intermediate(Connection c, long id, int number) throws SQLException {
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

    static TrialRecord withIntermediate(TrialRecord r, List<IntermediateValue> steps) {
        return new TrialRecord(r.study(), r.number(), r.state(), r.architecture(), r.key(), r.value(), r.metrics(),
                r.costSeconds(), r.failure(), r.worker(), r.started(), r.heartbeat(), r.finished(), steps);
    }

    static StudyInfo study(ResultSet rs) throws SQLException {
        return new StudyInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Direction.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7), rs.getString(8),
                Instant.ofEpochMilli(rs.getLong(9)));
    }

    static TrialRecord trial(ResultSet rs, String study, List<IntermediateValue> steps) throws SQLException {
        return new TrialRecord(study, rs.getInt(1), TrialState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                getDouble(rs, 5), MetricsJson.read(rs.getString(6)), getDouble(rs, 7), rs.getString(8), rs.getString(9),
                getInstant(rs, 10), getInstant(rs, 11), getInstant(rs, 12), steps);
    }

    /** NaN is stored as NULL: SQLite cannot keep NaN, and NULL reads the same in both dialects. */
    static void setDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, java.sql.Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static double getDouble(ResultSet rs, int index) throws SQLException {
        double v = rs.getDouble(index);
        return rs.wasNull() ? Double.NaN : v;
    }

    static Instant getInstant(ResultSet rs, int index) throws SQLException {
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
