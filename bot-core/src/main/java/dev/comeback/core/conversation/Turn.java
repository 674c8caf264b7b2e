package dev.comeback.core.conversation;

import dev.comeback.core.message.Reply;

import java.util.List;
import java.util.Objects;

/**
 * The result of one conversation step: the state to store and the replies to send once it is stored.
 * Only a proactive turn (a reminder that is no longer wanted) may have no replies; a person always gets one.
 */
public record Turn(ConversationState state, List<Reply> replies) {
    public Turn {
        Objects.requireNonNull(state, "state");
        replies = List.copyOf(replies);
    }
}
