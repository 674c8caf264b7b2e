package dev.comeback.core.storage;

import dev.comeback.core.conversation.ConversationState;
import dev.comeback.core.delivery.Outgoing;
import dev.comeback.core.progress.ProgressEvent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one turn writes, committed together or not at all: the person's new state (empty when it did
 * not change), the replies for the outbox (empty when they are handed straight back instead), and how far
 * the adapter's inbound stream is now handled (empty when the turn did not come from one), and the reminder
 * it delivers (recorded in the delivery log; empty for any other turn), the recovery history it adds
 * ({@code events}), and whether every row about the person is deleted first ({@code erase}: /forget; then
 * {@code state} is empty and nothing about them is stored but the outgoing confirmation).
 */
public record TurnCommit(String userKey, Optional<ConversationState> state, Optional<Outgoing> outgoing,
                         Optional<Cursor> cursor, Optional<DeliveryMark> delivery, List<ProgressEvent> events,
                         boolean erase) {
    public TurnCommit {
        Objects.requireNonNull(userKey, "userKey");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(outgoing, "outgoing");
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(delivery, "delivery");
        events = events == null ? List.of() : List.copyOf(events);
        if (erase && (state.isPresent() || !events.isEmpty())) {
            throw new IllegalArgumentException("a commit that erases the person stores nothing about them");
        }
    }

    public TurnCommit(String userKey, Optional<ConversationState> state, Optional<Outgoing> outgoing,
                      Optional<Cursor> cursor, Optional<DeliveryMark> delivery) {
        this(userKey, state, outgoing, cursor, delivery, List.of(), false);
    }

    public TurnCommit(String userKey, Optional<ConversationState> state, Optional<Outgoing> outgoing,
                      Optional<Cursor> cursor) {
        this(userKey, state, outgoing, cursor, Optional.empty());
    }

    public static TurnCommit state(String userKey, ConversationState state) {
        return new TurnCommit(userKey, Optional.of(state), Optional.empty(), Optional.empty());
    }

    public boolean writesNothing() {
        return state.isEmpty() && outgoing.isEmpty() && cursor.isEmpty() && delivery.isEmpty() && events.isEmpty() && !erase;
    }
}
