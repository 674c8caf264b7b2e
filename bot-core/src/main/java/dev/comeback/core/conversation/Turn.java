package dev.comeback.core.conversation;

import dev.comeback.core.message.Reply;

import java.util.List;
import java.util.Objects;

/**
 * The result of one conversation step: the state to store and the replies to send once it is stored.
 * A person writing to the bot always gets a reply; only a proactive turn (a reminder no longer wanted) or
 * group talk not addressed to the bot may have none. {@code forget}: the person confirmed /forget; instead
 * of storing {@code state}, every row about them is deleted, and their next message starts afresh.
 */
public record Turn(ConversationState state, List<Reply> replies, boolean forget) {
    public Turn {
        Objects.requireNonNull(state, "state");
        replies = List.copyOf(replies);
    }

    public Turn(ConversationState state, List<Reply> replies) {
        this(state, replies, false);
    }
}
