package dev.comeback.core.progress;

import dev.comeback.core.storage.StorageException;
import dev.comeback.core.storage.UtcInstants;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A person's recovery history in the {@code progress_event} table (V11): appended by the turn that caused it,
 * in the turn's transaction ({@link #append}), read oldest first for charts, tables, reports and exports.
 */
public final class JdbcProgressHistory {
    private final DataSource dataSource;

    public JdbcProgressHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds {@code events} on {@code c}, in the caller's transaction. */
    public static void append(Connection c, String userKey, List<ProgressEvent> events) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO progress_event (user_key, at, kind, phase_id, pain_before, pain_after, load_kg, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ProgressEvent e : events) {
                s.setString(1, userKey);
                UtcInstants.set(s, 2, e.at());
                s.setString(3, e.kind().name());
                s.setString(4, e.phaseId());
                s.setInt(5, e.painBefore());
                s.setInt(6, e.painAfter());
                s.setDouble(7, e.loadKg());
                s.setString(8, e.detail().length() > 2000 ? e.detail().substring(0, 2000) : e.detail());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Adds {@code events} in a transaction of their own (seeding a history, importing). */
    public void append(String userKey, List<ProgressEvent> events) {
        try (Connection c = dataSource.getConnection()) {
            append(c, userKey, events);
        } catch (SQLException e) {
            throw new StorageException("cannot record the history of " + userKey, e);
        }
    }

    /** Everything recorded about {@code userKey}'s recovery, oldest first (ties in the order written). */
    public List<ProgressEvent> events(String userKey) {
        List<ProgressEvent> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT at, kind, phase_id, pain_before, pain_after, load_kg, detail FROM progress_event WHERE user_key = ? ORDER BY at, id")) {
            s.setString(1, userKey);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new ProgressEvent(UtcInstants.get(r, 1), ProgressEvent.Kind.valueOf(r.getString(2)), r.getString(3),
                            r.getInt(4), r.getInt(5), r.getDouble(6), r.getString(7)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the history of " + userKey, e);
        }
        return out;
    }
}
