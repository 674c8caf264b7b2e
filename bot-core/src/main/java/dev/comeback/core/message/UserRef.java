package dev.comeback.core.message;

import java.util.Objects;

/**
 * A person on one platform. {@link #key()} ({@code telegram:123}, {@code console:me}) is the storage key and
 * the only thing a scheduled job needs to reach the person later.
 */
public record UserRef(String platform, String id) {
    public UserRef {
        requireToken(platform, "platform");
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("user id must not be blank");
        }
    }

    public static UserRef of(String platform, String id) {
        return new UserRef(platform, id);
    }

    /** The inverse of {@link #key()}. */
    public static UserRef fromKey(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("not a user key: " + key);
        }
        return new UserRef(key.substring(0, colon), key.substring(colon + 1));
    }

    public String key() {
        return platform + ":" + id;
    }

    static void requireToken(String value, String what) {
        Objects.requireNonNull(value, what);
        if (!value.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(what + " must be a lower-case word, was '" + value + "'");
        }
    }
}
