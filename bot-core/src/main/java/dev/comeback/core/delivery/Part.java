package dev.comeback.core.delivery;

import dev.comeback.core.message.Button;

import java.util.List;

/**
 * One platform message: text within the platform's length limit, the buttons under it, and whether it
 * carries the way to a private chat with the bot (the core's group policy; each platform renders it), and what
 * that way carries in ({@code pointerStart}, a join token; empty for none).
 */
public record Part(String text, List<Button> buttons, boolean privatePointer, String pointerStart) {
    public Part {
        buttons = List.copyOf(buttons);
        pointerStart = pointerStart == null ? "" : pointerStart;
    }

    public Part(String text, List<Button> buttons, boolean privatePointer) {
        this(text, buttons, privatePointer, "");
    }
}
