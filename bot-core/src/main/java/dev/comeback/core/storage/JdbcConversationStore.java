package dev.comeback.core.storage;

import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.privacy.PersonalRows;
import dev.comeback.core.progress.JdbcProgressHistory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Conversation states in the {@code conversation} table of any JDBC database (H2 or PostgreSQL), committed
 * together with the turn's outbox row and inbound cursor ({@link JdbcOutbox}).
 */
public final class JdbcConversationStore implements ConversationStore {
    private final DataSource dataSource;

    public JdbcConversationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<ConversationState> load(String userKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT state_json FROM conversation WHERE user_key = ?")) {
            s.setString(1, userKey);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(StateCodec.decode(r.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot load the conversation of " + userKey, e);
        }
    }

    @Override
    public List<String> userKeys() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT user_key FROM conversation ORDER BY user_key")) {
            List<String> keys = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.add(r.getString(1));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new StorageException("cannot list the conversations", e);
        }
    }

    @Override
    public OptionalLong cursor(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT position FROM inbound_cursor WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? OptionalLong.of(r.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the cursor " + name, e);
        }
    }

    @Override
    public boolean sentButtons(Incoming.Press press) {
        String messageId = press.messageId().orElseThrow(() -> new IllegalArgumentException("the press names no message"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT message_id, user_key, chat_id, chat_kind, button_data FROM sent_buttons "
                     + "WHERE platform = ? AND (message_id = ? OR (message_id LIKE 'outbox:%' AND (user_key = ? OR chat_id = ?)))")) {
            s.setString(1, press.user().platform());
            s.setString(2, messageId);
            s.setString(3, press.user().key());
            s.setString(4, press.chat().id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    boolean group = ChatRef.Kind.GROUP.name().equals(r.getString(4));
                    boolean theirs = !group && r.getString(2).equals(press.user().key());
                    if (r.getString(1).equals(messageId) && (group || theirs)) {
                        return true;
                    }
                    boolean here = theirs || group && press.chat().isGroup() && r.getString(3).equals(press.chat().id());
                    if (!r.getString(1).equals(messageId) && here
                            && Arrays.asList(r.getString(5).split("\n")).contains(press.data())) {
                        return true;
                    }
                }
                return false;
            }
        } catch (SQLException e) {
            throw new StorageException("cannot look up the message " + messageId, e);
        }
    }

    @Override
    public boolean sending(UserRef user) {
        try (Connection c = dataSource.getConnection()) {
            return JdbcOutbox.waiting(c, user);
        } catch (SQLException e) {
            throw new StorageException("cannot read the outbox of " + user.key(), e);
        }
    }

    @Override
    public void commit(TurnCommit commit) {
        if (commit.writesNothing()) {
            return;
        }
        Optional<String> json = commit.state().map(StateCodec::encode);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (commit.delivery().isPresent() && !recordDelivery(c, commit.delivery().get())) {
                    c.rollback();
                    throw new AlreadyRecordedException(commit.delivery().get());
                }
                if (commit.erase()) {
                    PersonalRows.delete(c, commit.userKey());
                }
                if (json.isPresent()) {
                    upsert(c, commit.userKey(), json.get(), Timestamp.from(commit.state().get().updatedAt()));
                }
                if (!commit.events().isEmpty()) {
                    JdbcProgressHistory.append(c, commit.userKey(), commit.events());
                }
                if (commit.outgoing().isPresent()) {
                    JdbcOutbox.enqueue(c, commit.outgoing().get());
                }
                if (commit.cursor().isPresent()) {
                    JdbcOutbox.moveCursor(c, commit.cursor().get());
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot commit the turn of " + commit.userKey(), e);
        }
    }

    /** Inserts the reminder's DELIVERED row; false if the reminder has a row already (any outcome). */
    static boolean recordDelivery(Connection c, DeliveryMark mark) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO reminder_delivery "
                + "(user_key, reminder_id, due_at, outcome, decided_at) VALUES (?, ?, ?, 'DELIVERED', ?)")) {
            s.setString(1, mark.userKey());
            s.setString(2, mark.reminderId());
            UtcInstants.set(s, 3, mark.due());
            UtcInstants.set(s, 4, mark.at());
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            // 23505 on H2 and PostgreSQL: the primary key (user_key, reminder_id) is taken.
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    private static void upsert(Connection c, String userKey, String json, Timestamp at) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE conversation SET state_json = ?, updated_at = ? WHERE user_key = ?")) {
            update.setString(1, json);
            update.setTimestamp(2, at);
            update.setString(3, userKey);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO conversation (user_key, state_json, updated_at) VALUES (?, ?, ?)")) {
            insert.setString(1, userKey);
            insert.setString(2, json);
            insert.setTimestamp(3, at);
            insert.executeUpdate();
        }
    }
}
