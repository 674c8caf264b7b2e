package dev.comeback.core.storage;

import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.delivery.Outgoing;

import java.util.Objects;
import java.util.Optional;

/**
 * Everything one turn writes, committed together or not at all: the person's new state (empty when it did
 * not change), the replies for the outbox (empty when they are handed straight back instead), and how far
 * the adapter's inbound stream is now handled (empty when the turn did not come from one), and the reminder
 * it delivers (recorded in the delivery log; empty for any other turn).
 */
public record TurnCommit(String userKey, Optional<ConversationState> state, Optional<Outgoing> outgoing,
                         Optional<Cursor> cursor, Optional<DeliveryMark> delivery) {
    public TurnCommit {
        Objects.requireNonNull(userKey, "userKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(outgoing, "outgoing");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(delivery, "delivery");
    }

    public TurnCommit(String userKey, Optional<ConversationState> state, Optional<Outgoing> outgoing,
                      Optional<Cursor> cursor) {
        this(userKey, state, outgoing, cursor, Optional.empty());
    }

    public static TurnCommit state(String userKey, ConversationState state) {
        return new TurnCommit(userKey, Optional.of(state), Optional.empty(), Optional.empty());
    }

    public boolean writesNothing() {
        return state.isEmpty() && outgoing.isEmpty() && cursor.isEmpty() && delivery.isEmpty();
    }
}
