package dev.comeback.core.testkit;

import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.storage.ConversationStore;
import dev.comeback.core.storage.StateCodec;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps states as the JSON the real store writes, so every turn round-trips through the real codec. */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<String, String> rows = new ConcurrentHashMap<>();

    @Override
    public Optional<ConversationState> load(String userKey) {
        return Optional.ofNullable(rows.get(userKey)).map(StateCodec::decode);
    }

    @Override
    public void save(String userKey, ConversationState state) {
        rows.put(userKey, StateCodec.encode(state));
    }

    public Optional<String> rawJson(String userKey) {
        return Optional.ofNullable(rows.get(userKey));
    }
}
