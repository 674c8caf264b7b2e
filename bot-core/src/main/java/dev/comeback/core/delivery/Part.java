package dev.comeback.core.delivery;

import dev.comeback.core.message.Button;

import java.util.List;

/**
 * One platform message: text within the platform's length limit, the buttons under it, and whether it
 * carries the way to a private chat with the bot (the core's group policy; each platform renders it).
 */
public record Part(String text, List<Button> buttons, boolean privatePointer) {
    public Part {
        buttons = List.copyOf(buttons);
    }
}
