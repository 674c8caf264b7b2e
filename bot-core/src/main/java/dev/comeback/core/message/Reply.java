package dev.comeback.core.message;

import java.util.List;
import java.util.Objects;

/** One message the bot sends, with the buttons under it (possibly none). */
public record Reply(String text, List<Button> buttons) {
    public Reply {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a reply needs text");
        }
        buttons = List.copyOf(buttons);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of());
    }

    public static Reply choices(String text, List<Button> buttons) {
        return new Reply(text, buttons);
    }

    public boolean hasButtons() {
        return !buttons.isEmpty();
    }
}
