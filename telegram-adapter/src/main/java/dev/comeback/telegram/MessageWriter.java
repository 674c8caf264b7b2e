package dev.comeback.telegram;

import dev.comeback.core.delivery.OutboxMessage;
import dev.comeback.core.message.Button;
import dev.comeback.core.message.Reply;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays one turn's replies out as Telegram messages. Text-only replies of a turn share a message (every
 * message to a chat costs a second of its rate limit); a reply with buttons ends one, its buttons becoming an
 * inline keyboard. Text over Telegram's 4096 characters is split at line or word breaks. Every character
 * is escaped for HTML parse mode, so nothing a person typed and the bot repeats can turn into markup.
 * The same outbox row always renders to the same messages, so a restart resumes at the right part.
 */
final class MessageWriter {
    static final int MAX_TEXT = 4096;
    static final String PRIVATE_CHAT_LABEL = "Message me privately";
    /** Labels this short (pain scores 0-10) sit six to a row; longer ones get a row each. */
    private static final int SHORT_LABEL = 3;
    private static final int SHORT_PER_ROW = 6;

    private final String botUsername;

    MessageWriter(String botUsername) {
        this.botUsername = botUsername;
    }

    List<SendMessage> render(OutboxMessage message) {
        String chatId = message.chat().id();
        List<Part> parts = layout(message.replies());
        if (message.chat().isGroup()) {
            // Personal coaching happens in private: every group answer carries the way there.
            Part last = parts.get(parts.size() - 1);
            if (last.keyboard().isEmpty()) {
                parts.set(parts.size() - 1, new Part(last.text(), Optional.of(privateChatLink())));
            }
        }
        return parts.stream().map(p -> send(chatId, p)).toList();
    }

    /** The deep link that opens a private chat with the bot and starts it. */
    String privateChatUrl() {
        return "https://t.me/" + botUsername + "?start=from_group";
    }

    private record Part(String text, Optional<InlineKeyboardMarkup> keyboard) {
    }

    private static List<Part> layout(List<Reply> replies) {
        List<Part> parts = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (Reply reply : replies) {
            if (pending.length() > 0 && pending.length() + 2 + reply.text().length() > MAX_TEXT) {
                split(pending.toString(), Optional.empty(), parts);
                pending.setLength(0);
            }
            if (pending.length() > 0) {
                pending.append("\n\n");
            }
            pending.append(reply.text());
            if (reply.hasButtons()) {
                split(pending.toString(), Optional.of(keyboard(reply.buttons())), parts);
                pending.setLength(0);
            }
        }
        if (pending.length() > 0) {
            split(pending.toString(), Optional.empty(), parts);
        }
        return parts;
    }

    /** Adds {@code text} as one or more parts of at most {@link #MAX_TEXT}; the keyboard goes on the last. */
    private static void split(String text, Optional<InlineKeyboardMarkup> keyboard, List<Part> parts) {
        String rest = text;
        while (rest.length() > MAX_TEXT) {
            int cut = breakBefore(rest, MAX_TEXT);
            parts.add(new Part(rest.substring(0, cut).stripTrailing(), Optional.empty()));
            rest = rest.substring(cut).stripLeading();
        }
        parts.add(new Part(rest, keyboard));
    }

    /** The best place to cut at or before {@code max}: a line break, else a space, else anywhere but inside a surrogate pair. */
    static int breakBefore(String text, int max) {
        int newline = text.lastIndexOf('\n', max);
        if (newline > max / 2) {
            return newline;
        }
        int space = text.lastIndexOf(' ', max);
        if (space > max / 2) {
            return space;
        }
        return Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
    }

    private static InlineKeyboardMarkup keyboard(List<Button> buttons) {
        boolean allShort = buttons.stream().allMatch(b -> b.label().length() <= SHORT_LABEL);
        int perRow = allShort ? SHORT_PER_ROW : 1;
        List<InlineKeyboardRow> rows = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i += perRow) {
            InlineKeyboardRow row = new InlineKeyboardRow();
            for (Button b : buttons.subList(i, Math.min(i + perRow, buttons.size()))) {
                row.add(InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build());
            }
            rows.add(row);
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private InlineKeyboardMarkup privateChatLink() {
        return InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text(PRIVATE_CHAT_LABEL).url(privateChatUrl()).build()))
                .build();
    }

    private static SendMessage send(String chatId, Part part) {
        SendMessage.SendMessageBuilder<?, ?> builder = SendMessage.builder()
                .chatId(chatId)
                .text(escape(part.text()))
                .parseMode(ParseMode.HTML)
                .disableWebPagePreview(true);
        part.keyboard().ifPresent(builder::replyMarkup);
        return builder.build();
    }

    /** Telegram's HTML parse mode needs exactly these three escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
