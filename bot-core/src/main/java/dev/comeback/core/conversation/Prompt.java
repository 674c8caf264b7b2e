package dev.comeback.core.conversation;

import dev.comeback.core.message.Button;
import dev.comeback.core.message.Reply;

import java.util.List;
import java.util.Map;

/**
 * The question waiting for an answer; {@code id} is empty when it is answered by typing, not buttons.
 * {@code typed} maps a button's data to other words that press it ("the next day" for "A day or two later").
 */
record Prompt(String id, Reply reply, Map<String, List<String>> typed) {
    Prompt {
        typed = Map.copyOf(typed);
    }

    Prompt(String id, Reply reply) {
        this(id, reply, Map.of());
    }

    static Prompt typed(String text) {
        return new Prompt("", Reply.text(text));
    }

    static Prompt buttons(String id, String text, List<Button> buttons) {
        return new Prompt(id, Reply.choices(text, buttons));
    }

    Prompt withTyped(Map<String, List<String>> typedByData) {
        return new Prompt(id, reply, typedByData);
    }

    static Button button(String promptId, String optionId, String label) {
        return new Button(label, promptId + ":" + optionId);
    }
}
