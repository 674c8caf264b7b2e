package dev.comeback.core.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A choice offered under a message. {@code data} comes back in {@link Incoming.Press}; it is kept within
 * 64 bytes because that is the most Telegram carries for a callback.
 */
public record Button(String label, String data) {
    public static final int MAX_DATA_BYTES = 64;

    public Button {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(data, "data");
        if (label.isBlank()) {
            throw new IllegalArgumentException("button label must not be blank");
        }
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new IllegalArgumentException("button data over " + MAX_DATA_BYTES + " bytes: " + data);
        }
    }
}
