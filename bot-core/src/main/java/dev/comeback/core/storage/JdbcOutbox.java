package dev.comeback.core.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.comeback.core.delivery.OutboxMessage;
import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.delivery.Urgency;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outbox and inbound cursors in the database. A turn writes them through
 * {@link JdbcConversationStore#commit}, in its own transaction; the platform's dispatcher reads and clears
 * the outbox here.
 */
public final class JdbcOutbox {
    /**
     * Jdk8Module: a reply's attachment is an Optional; rows written before it existed read as none. An absent
     * one is left out of the row rather than written as null, so rows without files stay as small as before.
     */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
            .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_ABSENT);
    private static final TypeReference<List<Reply>> REPLIES = new TypeReference<>() { };

    private final DataSource dataSource;

    public JdbcOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static void enqueue(Connection c, Outgoing out) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbox (platform, user_key, chat_id, chat_kind, urgency, replies, not_before, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, out.chat().platform());
            s.setString(2, out.user().key());
            s.setString(3, out.chat().id());
            s.setString(4, out.chat().kind().name());
            s.setString(5, out.urgency().name());
            s.setString(6, json(out.replies()));
            UtcInstants.set(s, 7, out.at());
            UtcInstants.set(s, 8, out.at());
            s.executeUpdate();
        }
    }

    static void moveCursor(Connection c, Cursor cursor) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE inbound_cursor SET position = ? WHERE name = ?")) {
            update.setLong(1, cursor.position());
            update.setString(2, cursor.name());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO inbound_cursor (name, position) VALUES (?, ?)")) {
            insert.setString(1, cursor.name());
            insert.setLong(2, cursor.position());
            insert.executeUpdate();
        }
    }

    /**
     * Messages of a platform that may be tried at {@code now}: only the oldest waiting message of each chat
     * (so a chat's messages go out in the order they were decided, even when one waits for a retry), replies
     * to people who just wrote before reminders, then oldest first.
     */
    public List<OutboxMessage> due(String platform, Instant now, int limit) {
        List<OutboxMessage> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            // One query per urgency, each walking the outbox_next index in id order and stopping at the
            // limit: a single query ordering replies first had to sort the whole backlog on every call.
            for (Urgency urgency : List.of(Urgency.REPLY, Urgency.PROACTIVE)) {
                if (out.size() < limit) {
                    dueOf(c, platform, urgency, now, limit - out.size(), out);
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the outbox", e);
        }
        return out;
    }

    private static void dueOf(Connection c, String platform, Urgency urgency, Instant now, int limit,
                              List<OutboxMessage> out) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, user_key, chat_id, chat_kind, replies, parts_sent, attempts, not_before, created_at FROM outbox o "
                + "WHERE platform = ? AND urgency = ? AND not_before <= ? AND NOT EXISTS (SELECT 1 FROM outbox e "
                + "WHERE e.platform = o.platform AND e.chat_id = o.chat_id AND e.id < o.id) "
                + "ORDER BY platform, urgency, id LIMIT ?")) {
            s.setString(1, platform);
            s.setString(2, urgency.name());
            UtcInstants.set(s, 3, now);
            s.setInt(4, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new OutboxMessage(r.getLong(1), UserRef.fromKey(r.getString(2)),
                            new ChatRef(platform, r.getString(3), ChatRef.Kind.valueOf(r.getString(4))),
                            urgency, replies(r.getString(5)), r.getInt(6), r.getInt(7), UtcInstants.get(r, 8),
                            UtcInstants.get(r, 9)));
                }
            }
        }
    }

    public int pending(String platform) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE platform = ?")) {
            s.setString(1, platform);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot count the outbox", e);
        }
    }

    public void delivered(long id) {
        update("DELETE FROM outbox WHERE id = ?", s -> s.setLong(1, id));
    }

    public void retryAt(long id, int attempts, Instant notBefore) {
        update("UPDATE outbox SET attempts = ?, not_before = ? WHERE id = ?", s -> {
            s.setInt(1, attempts);
            UtcInstants.set(s, 2, notBefore);
            s.setLong(3, id);
        });
    }

    /** An event received that is not redelivered after a crash (see {@code inbound_pending}). */
    public record Pending(String platform, long eventId, UserRef user, String what, Instant receivedAt) {
    }

    /** Notes an event on arrival, before its turn runs; a second note of the same event changes nothing. */
    public void received(Pending pending) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO inbound_pending (platform, event_id, user_key, what, received_at) VALUES (?, ?, ?, ?, ?)")) {
            s.setString(1, pending.platform());
            s.setLong(2, pending.eventId());
            s.setString(3, pending.user().key());
            s.setString(4, pending.what().length() > 200 ? pending.what().substring(0, 200) : pending.what());
            UtcInstants.set(s, 5, pending.receivedAt());
            s.executeUpdate();
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw new StorageException("cannot note a received event", e);
            }
        }
    }

    /** The event's turn is committed (or the person was told to repeat it): forget the note. */
    public void handled(String platform, long eventId) {
        update("DELETE FROM inbound_pending WHERE platform = ? AND event_id = ?", s -> {
            s.setString(1, platform);
            s.setLong(2, eventId);
        });
    }

    /** Events of {@code platform} noted and not yet forgotten, oldest first. */
    public List<Pending> pendingEvents(String platform) {
        List<Pending> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT event_id, user_key, what, received_at FROM inbound_pending WHERE platform = ? ORDER BY event_id")) {
            s.setString(1, platform);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Pending(platform, r.getLong(1), UserRef.fromKey(r.getString(2)), r.getString(3),
                            UtcInstants.get(r, 4)));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read received events", e);
        }
        return out;
    }

    /**
     * A part that went out with buttons, as the dispatcher records it: the platform's id of the message (empty
     * when the platform did not say), the buttons' data, and whether an earlier try of the same part may have
     * gone out without its id being recorded (the process died between a send and its record, or a try got no
     * answer); sent at {@code at} (UTC).
     */
    public record ButtonsSent(Optional<String> messageId, List<String> buttonData, boolean earlierTryMayHaveGone,
                              Instant at) {
        public ButtonsSent {
            Objects.requireNonNull(messageId, "messageId");
            buttonData = List.copyOf(buttonData);
            Objects.requireNonNull(at, "at");
        }
    }

    /** Most button data kept for one message: the column's size, in whole lines. */
    private static final int MAX_BUTTON_DATA = 4000;

    /**
     * Part {@code part} of {@code message} is sent: in one transaction, records its buttons (presses are taken
     * from recorded messages only, see {@link JdbcConversationStore#sentButtons}) and moves the row on, deleting
     * it after its {@code last} part. Throws if it cannot be stored; then nothing of it is.
     */
    public void partSent(OutboxMessage message, int part, boolean last, Optional<ButtonsSent> buttons) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (buttons.isPresent()) {
                    ButtonsSent sent = buttons.get();
                    if (sent.messageId().isPresent()) {
                        recordButtons(c, message, sent.messageId().get(), sent);
                    }
                    if (sent.earlierTryMayHaveGone()) {
                        recordButtons(c, message, "outbox:" + message.id() + ":" + part, sent);
                    }
                }
                try (PreparedStatement s = c.prepareStatement(last ? "DELETE FROM outbox WHERE id = ?"
                        : "UPDATE outbox SET parts_sent = ? WHERE id = ?")) {
                    if (last) {
                        s.setLong(1, message.id());
                    } else {
                        s.setInt(1, part + 1);
                        s.setLong(2, message.id());
                    }
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot record outbox message " + message.id() + " as sent", e);
        }
    }

    /** Inserts the record unless the same message is recorded already (a retry after a lost answer). */
    private static void recordButtons(Connection c, OutboxMessage message, String messageId, ButtonsSent sent) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sent_buttons WHERE platform = ? AND message_id = ?")) {
            s.setString(1, message.chat().platform());
            s.setString(2, messageId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO sent_buttons (platform, message_id, user_key, chat_id, chat_kind, button_data, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, message.chat().platform());
            s.setString(2, messageId);
            s.setString(3, message.user().key());
            s.setString(4, message.chat().id());
            s.setString(5, message.chat().kind().name());
            s.setString(6, lines(sent.buttonData()));
            UtcInstants.set(s, 7, sent.at());
            s.executeUpdate();
        }
    }

    private static String lines(List<String> data) {
        StringBuilder out = new StringBuilder();
        for (String d : data) {
            if (out.length() + d.length() + 1 > MAX_BUTTON_DATA) {
                break;
            }
            out.append(out.length() == 0 ? "" : "\n").append(d);
        }
        return out.toString();
    }

    /** Whether {@code user} has messages in the outbox of their platform not yet all sent. */
    static boolean waiting(Connection c, UserRef user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM outbox WHERE platform = ? AND user_key = ? LIMIT 1")) {
            s.setString(1, user.platform());
            s.setString(2, user.key());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** The highest outbox id of {@code platform} now; 0 when its outbox is empty. */
    public long lastId(String platform) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT MAX(id) FROM outbox WHERE platform = ?")) {
            s.setString(1, platform);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the outbox", e);
        }
    }

    /**
     * Forgets the messages with buttons sent before {@code before} (UTC); returns how many. Presses from them are
     * answered as from a message the bot never sent.
     */
    public int forgetButtonsSentBefore(Instant before) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM sent_buttons WHERE sent_at < ?")) {
            UtcInstants.set(s, 1, before);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot prune the messages sent with buttons", e);
        }
    }

    /** Drops a person's waiting proactive messages (they blocked the bot, say). */
    public void dropProactive(UserRef user) {
        update("DELETE FROM outbox WHERE user_key = ? AND urgency = 'PROACTIVE'", s -> s.setString(1, user.key()));
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    /** One statement, committed on its own (the pool's connections are in auto-commit). */
    private void update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("outbox write failed", e);
        }
    }

    private static String json(List<Reply> replies) {
        try {
            return JSON.writeValueAsString(replies);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Reply> replies(String json) {
        try {
            return JSON.readValue(json, REPLIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox row", e);
        }
    }
}
