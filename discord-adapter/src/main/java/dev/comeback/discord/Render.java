package dev.comeback.discord;

import dev.comeback.core.delivery.Part;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders a laid-out {@link Part} as a Discord message: text with Markdown escaped (so nothing a person
 * typed and the bot repeats turns into formatting), buttons at most 5 a row and 5 rows, the core's pointer to
 * a private chat a link button to the bot's profile. Mentions are never pinged.
 */
final class Render {
    static final int MAX_TEXT = 2000;
    static final int PER_ROW = 5;
    static final int MAX_ROWS = 5;
    static final String PRIVATE_CHAT_LABEL = "Message me privately";

    private Render() {
    }

    static String escape(String text) {
        return MarkdownSanitizer.escape(text);
    }

    static List<ActionRow> rows(Part part, String botUserId) {
        List<ActionRow> rows = new ArrayList<>();
        List<dev.comeback.core.message.Button> buttons = part.buttons();
        if (buttons.isEmpty() && part.privatePointer()) {
            return List.of(ActionRow.of(Button.link("https://discord.com/users/" + botUserId, PRIVATE_CHAT_LABEL)));
        }
        for (int i = 0; i < buttons.size() && rows.size() < MAX_ROWS; i += PER_ROW) {
            List<Button> row = new ArrayList<>();
            for (dev.comeback.core.message.Button b : buttons.subList(i, Math.min(i + PER_ROW, buttons.size()))) {
                row.add(Button.secondary(b.data(), label(b.label())));
            }
            rows.add(ActionRow.of(row));
        }
        return rows;
    }

    private static String label(String label) {
        return label.length() <= 80 ? label : label.substring(0, 79) + "…";
    }

    /** A part with a file made carries it as an attachment ({@code files[0]}), its text as the content. */
    static MessageCreateData create(Part part, String botUserId) {
        MessageCreateBuilder b = new MessageCreateBuilder().setContent(escape(part.text())).setComponents(rows(part, botUserId))
                .setAllowedMentions(List.of());
        part.file().ifPresent(f -> b.setFiles(FileUpload.fromData(f.bytes(), f.fileName())));
        return b.build();
    }

    static MessageEditData edit(Part part, String botUserId) {
        MessageEditBuilder b = new MessageEditBuilder().setContent(escape(part.text())).setComponents(rows(part, botUserId))
                .setAllowedMentions(List.of());
        part.file().ifPresent(f -> b.setFiles(FileUpload.fromData(f.bytes(), f.fileName())));
        return b.build();
    }

    /** The same rows with every button disabled: a pressed message cannot be pressed again. */
    static List<ActionRow> disabled(List<ActionRow> rows) {
        return rows.stream().map(ActionRow::asDisabled).toList();
    }
}
