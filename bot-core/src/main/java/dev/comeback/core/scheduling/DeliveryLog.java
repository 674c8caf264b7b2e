package dev.comeback.core.scheduling;

import dev.comeback.core.storage.StorageException;
import dev.comeback.core.storage.UtcInstants;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The durable record of which reminders were handed off, in the {@code reminder_delivery} table. A reminder
 * is recorded by inserting its row; the primary key (user_key, reminder_id) lets exactly one record succeed,
 * across threads, restarts and even two processes on one database. Deliveries are recorded by the turn that
 * delivers them ({@code Coach.handleDue}) or right after the hand-off; skips before it. DELIVERING is what
 * earlier versions wrote before a hand-off; such rows only remain from then.
 */
final class DeliveryLog {
    enum Outcome { DELIVERING, DELIVERED, FAILED, SKIPPED }

    /** SQLState class 23: integrity constraint violation (H2 and PostgreSQL both say 23505 for a duplicate key). */
    private static final String INTEGRITY_VIOLATION = "23";

    private final DataSource dataSource;

    DeliveryLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records {@code reminder} with {@code outcome} unless it was recorded before; true if this call recorded it. */
    boolean claim(ScheduledReminder reminder, Outcome outcome, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO reminder_delivery "
                     + "(user_key, reminder_id, due_at, outcome, decided_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, reminder.userKey());
            s.setString(2, reminder.reminderId());
            UtcInstants.set(s, 3, reminder.due());
            s.setString(4, outcome.name());
            UtcInstants.set(s, 5, at);
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith(INTEGRITY_VIOLATION)) {
                return false;
            }
            throw new StorageException("cannot claim reminder " + reminder.reminderId() + " of " + reminder.userKey(), e);
        }
    }

    /**
     * Deletes the records decided before {@code before}; returns how many. Safe once a reminder is long past:
     * plans only ever look forward, so its id never comes up again.
     */
    int prune(Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM reminder_delivery WHERE decided_at < ?")) {
            UtcInstants.set(s, 1, before);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot prune the delivery log", e);
        }
    }

    Optional<Outcome> outcome(String userKey, String reminderId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT outcome FROM reminder_delivery WHERE user_key = ? AND reminder_id = ?")) {
            s.setString(1, userKey);
            s.setString(2, reminderId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(Outcome.valueOf(r.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read reminder " + reminderId + " of " + userKey, e);
        }
    }

    /** The ids of the person's reminders that were ever claimed, whatever the outcome. */
    Set<String> claimedIds(String userKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT reminder_id FROM reminder_delivery WHERE user_key = ?")) {
            s.setString(1, userKey);
            Set<String> ids = new HashSet<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StorageException("cannot read the reminders handed off to " + userKey, e);
        }
    }
}
