package dev.comeback.core.message;

import java.util.Objects;

/** Where a message was written: a private chat with the bot, or a group it is in. */
public record ChatRef(String platform, String id, Kind kind) {
    public enum Kind { PRIVATE, GROUP }

    public ChatRef {
        UserRef.requireToken(platform, "platform");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    public static ChatRef privateChat(String platform, String id) {
        return new ChatRef(platform, id, Kind.PRIVATE);
    }

    public static ChatRef group(String platform, String id) {
        return new ChatRef(platform, id, Kind.GROUP);
    }

    public boolean isGroup() {
        return kind == Kind.GROUP;
    }

    public String key() {
        return platform + ":" + id;
    }
}
