package dev.comeback.core.testkit;

import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import dev.comeback.core.storage.ConversationStore;
import dev.comeback.core.storage.StateCodec;

import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.storage.TurnCommit;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps states as the JSON the real store writes, so every turn round-trips through the real codec; keeps
 * the outbox and cursors in memory.
 */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, String> rows = new ConcurrentHashMap<>();
    private final Map<String, Long> cursors = new ConcurrentHashMap<>();
    private final List<Outgoing> outbox = new CopyOnWriteArrayList<>();

    @Override
    public Optional<ConversationState> load(String userKey) {
        return Optional.ofNullable(rows.get(userKey)).map(StateCodec::decode);
    }

    @Override
    public List<String> userKeys() {
        return rows.keySet().stream().sorted().toList();
    }

    @Override
    public OptionalLong cursor(String name) {
        Long position = cursors.get(name);
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    @Override
    public synchronized void commit(TurnCommit commit) {
        if (commit.erase()) {
            rows.remove(commit.userKey());
            outbox.removeIf(o -> o.user().key().equals(commit.userKey()));
        }
        commit.state().ifPresent(state -> rows.put(commit.userKey(), StateCodec.encode(state)));
        commit.outgoing().ifPresent(outbox::add);
        commit.cursor().ifPresent(cursor -> cursors.put(cursor.name(), cursor.position()));
    }

    /** No dispatcher sends from this outbox, so no message was ever sent with buttons. */
    @Override
    public boolean sentButtons(Incoming.Press press) {
        return false;
    }

    /** Nothing is ever on its way from this outbox. */
    @Override
    public boolean sending(UserRef user) {
        return false;
    }

    /** What turns put into the outbox, oldest first. */
    public List<Outgoing> outbox() {
        return List.copyOf(outbox);
    }

    public Optional<String> rawJson(String userKey) {
        return Optional.ofNullable(rows.get(userKey));
    }
}
