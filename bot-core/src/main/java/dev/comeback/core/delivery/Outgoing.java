package dev.comeback.core.delivery;

import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One turn's replies on their way into the outbox: for whom, to which chat, how urgent, decided when. */
public record Outgoing(UserRef user, ChatRef chat, Urgency urgency, List<Reply> replies, Instant at) {
    public Outgoing {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(urgency, "urgency");
        replies = List.copyOf(replies);
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("nothing to send");
        }
        Objects.requireNonNull(at, "at");
    }
}
