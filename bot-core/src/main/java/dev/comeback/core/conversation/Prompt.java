package dev.comeback.core.conversation;

import dev.comeback.core.message.Button;
import dev.comeback.core.message.Reply;

import java.util.List;

/** The question waiting for an answer; {@code id} is empty when it is answered by typing, not buttons. */
record Prompt(String id, Reply reply) {
    static Prompt typed(String text) {
        return new Prompt("", Reply.text(text));
    }

    static Prompt buttons(String id, String text, List<Button> buttons) {
        return new Prompt(id, Reply.choices(text, buttons));
    }

    static Button button(String promptId, String optionId, String label) {
        return new Button(label, promptId + ":" + optionId);
    }
}
