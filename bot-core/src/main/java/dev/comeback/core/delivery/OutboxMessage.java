package dev.comeback.core.delivery;

import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Reply;
import dev.comeback.core.message.UserRef;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One turn's replies waiting in the outbox for a chat. {@code partsSent} platform messages of it are already
 * out; {@code attempts} failed tries so far; it is not tried again before {@code notBefore}; it was decided
 * at {@code createdAt}, from which its retries are bounded.
 */
public record OutboxMessage(long id, UserRef user, ChatRef chat, Urgency urgency, List<Reply> replies,
                            int partsSent, int attempts, Instant notBefore, Instant createdAt) {
    public OutboxMessage {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(urgency, "urgency");
        replies = List.copyOf(replies);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public OutboxMessage(long id, UserRef user, ChatRef chat, Urgency urgency, List<Reply> replies,
                         int partsSent, int attempts, Instant notBefore) {
        this(id, user, chat, urgency, replies, partsSent, attempts, notBefore, notBefore);
    }
}
