package dev.comeback.core.conversation;

import dev.comeback.core.message.Reply;

import java.util.List;
import java.util.Objects;

/** The result of one conversation step: the state to store and the replies to send once it is stored. */
public record Turn(ConversationState state, List<Reply> replies) {
    public Turn {
        Objects.requireNonNull(state, "state");
        replies = List.copyOf(replies);
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("every turn answers the person");
        }
    }
}
