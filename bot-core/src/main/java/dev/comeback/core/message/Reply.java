package dev.comeback.core.message;

import java.util.List;
import java.util.Objects;

/**
 * One message the bot sends, with the buttons under it (possibly none). {@code privatePointer}: the core's
 * group policy, "answer privately, with a pointer": the message carries the way to a private chat with the
 * bot, which each platform renders its own way (a link button on Telegram).
 */
public record Reply(String text, List<Button> buttons, boolean privatePointer) {
    public Reply {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a reply needs text");
        }
        buttons = List.copyOf(buttons);
    }

    public Reply(String text, List<Button> buttons) {
        this(text, buttons, false);
    }

    /** The same reply, pointing the way to a private chat with the bot. */
    public Reply withPrivatePointer() {
        return new Reply(text, buttons, true);
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
