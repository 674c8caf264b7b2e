package dev.comeback.core.storage;

import dev.comeback.core.conversation.ConversationState;

import java.util.Optional;

/** Where conversation states live between turns. */
public interface ConversationStore {
    Optional<ConversationState> load(String userKey);

    /** Stores the state; when this returns, the state is committed and survives a hard kill. */
    void save(String userKey, ConversationState state);
}
