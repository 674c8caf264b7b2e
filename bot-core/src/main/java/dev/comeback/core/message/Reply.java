package dev.comeback.core.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message the bot sends, with the buttons under it (possibly none). {@code privatePointer}: the core's
 * group policy, "answer privately, with a pointer": the message carries the way to a private chat with the
 * bot, which each platform renders its own way (a link button on Telegram). {@code pointerStart}: what the
 * pointer carries into the private chat (a group's join token, which Telegram puts in {@code ?start=}); empty
 * for the plain pointer. At most 64 characters of A-Z, a-z, 0-9, '_' and '-' (Telegram's limit).
 * {@code attachment}: a file sent with the message, its text then being the file's caption (empty for none).
 */
public record Reply(String text, List<Button> buttons, boolean privatePointer, String pointerStart,
                    Optional<Attachment> attachment) {
    public Reply {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a reply needs text");
        }
        buttons = List.copyOf(buttons);
        pointerStart = pointerStart == null ? "" : pointerStart;
        if (!pointerStart.matches("[A-Za-z0-9_-]{0,64}")) {
            throw new IllegalArgumentException("pointerStart must be up to 64 of A-Z a-z 0-9 _ -, was '" + pointerStart + "'");
        }
        attachment = attachment == null ? Optional.empty() : attachment;
    }

    public Reply(String text, List<Button> buttons, boolean privatePointer, String pointerStart) {
        this(text, buttons, privatePointer, pointerStart, Optional.empty());
    }

    public Reply(String text, List<Button> buttons, boolean privatePointer) {
        this(text, buttons, privatePointer, "");
    }

    public Reply(String text, List<Button> buttons) {
        this(text, buttons, false);
    }

    /** The same reply, pointing the way to a private chat with the bot. */
    public Reply withPrivatePointer() {
        return new Reply(text, buttons, true, "", attachment);
    }

    /** The same reply, pointing the way to a private chat with the bot that opens with {@code start} (a join token). */
    public Reply withPrivatePointer(String start) {
        return new Reply(text, buttons, true, start, attachment);
    }

    public static Reply text(String text) {
        return new Reply(text, List.of());
    }

    public static Reply choices(String text, List<Button> buttons) {
        return new Reply(text, buttons);
    }

    /** A file with {@code caption} as its text. */
    public static Reply file(String caption, Attachment attachment) {
        return new Reply(caption, List.of(), false, "", Optional.of(attachment));
    }

    public boolean hasButtons() {
        return !buttons.isEmpty();
    }
}
