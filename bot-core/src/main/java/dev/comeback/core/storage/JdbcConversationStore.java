package dev.comeback.core.storage;

import dev.comeback.core.conversation.ConversationState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** Conversation states in the {@code conversation} table of any JDBC database (H2 or PostgreSQL). */
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
    public void save(String userKey, ConversationState state) {
        String json = StateCodec.encode(state);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                upsert(c, userKey, json, Timestamp.from(state.updatedAt()));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException("cannot save the conversation of " + userKey, e);
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
