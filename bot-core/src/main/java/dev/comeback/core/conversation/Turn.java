package dev.comeback.core.conversation;

import dev.comeback.core.message.Reply;

import java.util.List;
import java.util.Objects;

/**
 * The result of one conversation step: the state to store and the replies to send once it is stored.
 * A person writing to the bot always gets a reply; only a proactive turn (a reminder no longer wanted) or
 * group talk not addressed to the bot may have none.
 */
public record Turn(ConversationState state, List<Reply> replies) {
    public Turn {
        Objects.requireNonNull(state, "state");
        replies = List.copyOf(replies);
    }
}
