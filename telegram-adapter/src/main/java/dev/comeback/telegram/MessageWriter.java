package dev.comeback.telegram;

import dev.comeback.core.delivery.DeliveryLimits;
import dev.comeback.core.delivery.FileData;
import dev.comeback.core.delivery.Pacer;
import dev.comeback.core.delivery.Part;
import dev.comeback.core.message.Button;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.ReplyKeyboard;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders one laid-out {@link Part} as a Telegram message: its buttons become an inline keyboard, the core's
 * pointer to a private chat a deep-link button. Every character is escaped for HTML parse mode, so nothing
 * a person typed and the bot repeats can turn into markup. Laying replies out into parts (merging, splitting
 * under {@link #MAX_TEXT}) is the delivery core's.
 */
final class MessageWriter {
    static final int MAX_TEXT = 4096;
    /** Telegram's documented limits less a margin: 30 a second overall, 1 a second a private chat, 20 a minute a group. */
    static final Pacer.Limits PACING = new Pacer.Limits(28, 27.5, Duration.ofMillis(1050), 1, Duration.ofSeconds(61), 20);
    /**
     * Files (Bot API, "Sending files"): a caption of 0-1024 characters after entities parsing (sendPhoto,
     * sendDocument "caption"), a photo "at most 10 MB in size" (sendPhoto), and "files of any type of up to
     * 50 MB in size" (sendDocument).
     */
    static final int MAX_CAPTION = 1024;
    static final long MAX_PHOTO_BYTES = 10L * 1000 * 1000;
    static final long MAX_DOCUMENT_BYTES = 50L * 1000 * 1000;
    static final DeliveryLimits LIMITS = new DeliveryLimits(PACING, MAX_TEXT).withFiles(MAX_CAPTION, MAX_PHOTO_BYTES, MAX_DOCUMENT_BYTES);
    static final String PRIVATE_CHAT_LABEL = "Message me privately";
    /** The label of a link that joins a coaching group in the private chat. */
    static final String JOIN_LABEL = "Join the group";
    /** Labels this short (pain scores 0-10) sit six to a row; longer ones get a row each. */
    private static final int SHORT_LABEL = 3;
    private static final int SHORT_PER_ROW = 6;

    private final String botUsername;

    MessageWriter(String botUsername) {
        this.botUsername = botUsername;
    }

    SendMessage render(String chatId, Part part) {
        SendMessage.SendMessageBuilder<?, ?> builder = SendMessage.builder()
                .chatId(chatId)
                .text(escape(part.text()))
                .parseMode(ParseMode.HTML)
                .disableWebPagePreview(true);
        if (!part.buttons().isEmpty()) {
            builder.replyMarkup(keyboard(part.buttons()));
        } else if (part.privatePointer()) {
            builder.replyMarkup(privateChatLink(part.pointerStart()));
        }
        return builder.build();
    }

    /** A part carrying a file: a photo shown inline, or a document; its text is the caption. */
    PartialBotApiMethod<Message> renderFile(String chatId, Part part, FileData file) {
        InputFile input = new InputFile(new ByteArrayInputStream(file.bytes()), file.fileName());
        ReplyKeyboard markup = !part.buttons().isEmpty() ? keyboard(part.buttons())
                : part.privatePointer() ? privateChatLink(part.pointerStart()) : null;
        if (file.photo()) {
            SendPhoto.SendPhotoBuilder<?, ?> photo = SendPhoto.builder().chatId(chatId).photo(input);
            if (!part.text().isBlank()) {
                photo.caption(escape(part.text())).parseMode(ParseMode.HTML);
            }
            return photo.replyMarkup(markup).build();
        }
        SendDocument.SendDocumentBuilder<?, ?> document = SendDocument.builder().chatId(chatId).document(input);
        if (!part.text().isBlank()) {
            document.caption(escape(part.text())).parseMode(ParseMode.HTML);
        }
        return document.replyMarkup(markup).build();
    }

    /** The deep link that opens a private chat with the bot and starts it. */
    String privateChatUrl() {
        return privateChatUrl("");
    }

    /** The deep link carrying {@code start} (a group's join token) into the private chat; empty: the plain one. */
    String privateChatUrl(String start) {
        return "https://t.me/" + botUsername + "?start=" + (start.isEmpty() ? "from_group" : start);
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

    private InlineKeyboardMarkup privateChatLink(String start) {
        return InlineKeyboardMarkup.builder()
                .keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text(start.isEmpty() ? PRIVATE_CHAT_LABEL : JOIN_LABEL).url(privateChatUrl(start)).build()))
                .build();
    }

    /** Telegram's HTML parse mode needs exactly these three escaped. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
