package dev.comeback.core.group;

import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.UserRef;

import java.time.Instant;
import java.util.Objects;

/**
 * A platform event about who is in a group chat: {@link Kind#LEFT} a person left or was removed (Telegram
 * {@code chat_member}, Discord member remove), {@link Kind#BOT_REMOVED} the bot itself was removed (then
 * {@code user} is whoever removed it, or the bot).
 */
public record MemberEvent(Kind kind, UserRef user, ChatRef group, Instant at) {
    public enum Kind { LEFT, BOT_REMOVED }

    public MemberEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(at, "at");
    }
}
