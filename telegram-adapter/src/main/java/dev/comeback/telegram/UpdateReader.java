package dev.comeback.telegram;

import dev.comeback.core.group.MemberEvent;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.Incoming;
import dev.comeback.core.message.UserRef;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Telegram update into what the core understands, or nothing for updates the bot does not act on
 * (edits, channel posts, other bots). In groups it works out whether a message is meant for the bot: a
 * command (to it, not to another bot), a mention of it, or a reply to one of its messages.
 */
final class UpdateReader {
    static final String PLATFORM = "telegram";
    private static final Pattern COMMAND = Pattern.compile("^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(.*)$", Pattern.DOTALL);

    private final String botUsername;

    UpdateReader(String botUsername) {
        this.botUsername = botUsername;
    }

    /**
     * A change of who is in a group: someone left or was removed ({@code chat_member}, or the service message
     * {@code left_chat_member}), or the bot itself was removed ({@code my_chat_member} left or kicked).
     */
    Optional<MemberEvent> event(Update update, Instant now) {
        if (update.hasMyChatMember()) {
            ChatMemberUpdated change = update.getMyChatMember();
            Optional<ChatRef> chat = chatOf(change.getChat()).filter(ChatRef::isGroup);
            if (chat.isPresent() && gone(change.getNewChatMember()) && change.getFrom() != null) {
                return Optional.of(new MemberEvent(MemberEvent.Kind.BOT_REMOVED, userOf(change.getFrom()), chat.get(), now));
            }
            return Optional.empty();
        }
        if (update.hasChatMember()) {
            ChatMemberUpdated change = update.getChatMember();
            Optional<ChatRef> chat = chatOf(change.getChat()).filter(ChatRef::isGroup);
            if (chat.isPresent() && gone(change.getNewChatMember()) && isPerson(change.getNewChatMember().getUser())) {
                return Optional.of(new MemberEvent(MemberEvent.Kind.LEFT, userOf(change.getNewChatMember().getUser()), chat.get(), now));
            }
            return Optional.empty();
        }
        if (update.hasMessage() && update.getMessage().getLeftChatMember() != null) {
            User left = update.getMessage().getLeftChatMember();
            Optional<ChatRef> chat = chatOf(update.getMessage().getChat()).filter(ChatRef::isGroup);
            if (chat.isEmpty()) {
                return Optional.empty();
            }
            if (Boolean.TRUE.equals(left.getIsBot()) && botUsername.equalsIgnoreCase(left.getUserName())) {
                User by = update.getMessage().getFrom() == null ? left : update.getMessage().getFrom();
                return Optional.of(new MemberEvent(MemberEvent.Kind.BOT_REMOVED, userOf(by), chat.get(), now));
            }
            return isPerson(left) ? Optional.of(new MemberEvent(MemberEvent.Kind.LEFT, userOf(left), chat.get(), now)) : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean gone(ChatMember member) {
        return member != null && ("left".equals(member.getStatus()) || "kicked".equals(member.getStatus()));
    }

    Optional<Incoming> read(Update update, Instant now) {
        if (update.hasCallbackQuery()) {
            return press(update.getCallbackQuery(), now);
        }
        if (update.hasMessage()) {
            return text(update.getMessage(), now);
        }
        return Optional.empty();
    }

    private Optional<Incoming> press(CallbackQuery query, Instant now) {
        if (query.getData() == null || query.getMessage() == null || !isPerson(query.getFrom())) {
            return Optional.empty();
        }
        Optional<String> messageId = Optional.ofNullable(query.getMessage().getMessageId())
                .map(id -> messageId(query.getMessage().getChat().getId(), id));
        return chatOf(query.getMessage().getChat())
                .map(chat -> new Incoming.Press(userOf(query.getFrom()), chat, query.getData(), now, messageId));
    }

    /**
     * A message's id as the core records it: Telegram numbers messages per chat, so the chat's id and the
     * message's number, {@code <chat id>/<message id>}, unique on Telegram.
     */
    static String messageId(long chatId, int messageId) {
        return chatId + "/" + messageId;
    }

    private Optional<Incoming> text(Message message, Instant now) {
        if (!isPerson(message.getFrom())) {
            return Optional.empty();
        }
        Optional<ChatRef> chat = chatOf(message.getChat());
        if (chat.isEmpty()) {
            return Optional.empty();
        }
        // A sticker, photo or voice note reaches the core as an empty message, so the person hears that only
        // text is read rather than nothing at all; a photo's caption counts as its text.
        String text = message.hasText() ? message.getText() : message.hasCaption() ? message.getCaption() : "";
        UserRef user = userOf(message.getFrom());
        if (!chat.get().isGroup()) {
            return Optional.of(new Incoming.Text(user, chat.get(), withoutOwnName(text), now));
        }
        Addressed addressed = addressed(text, message);
        return Optional.of(new Incoming.Text(user, chat.get(), addressed.text(), now, addressed.toBot()));
    }

    private record Addressed(String text, boolean toBot) {
    }

    private Addressed addressed(String text, Message message) {
        Matcher command = COMMAND.matcher(text);
        if (command.matches()) {
            String to = command.group(2);
            if (to != null && !to.equalsIgnoreCase(botUsername)) {
                return new Addressed(text, false);
            }
            return new Addressed("/" + command.group(1) + command.group(3), true);
        }
        String mention = "@" + botUsername.toLowerCase(Locale.ROOT);
        if (text.toLowerCase(Locale.ROOT).contains(mention)) {
            return new Addressed(withoutMention(text), true);
        }
        Message repliedTo = message.getReplyToMessage();
        boolean replyToBot = repliedTo != null && repliedTo.getFrom() != null
                && Boolean.TRUE.equals(repliedTo.getFrom().getIsBot())
                && botUsername.equalsIgnoreCase(repliedTo.getFrom().getUserName());
        return new Addressed(text, replyToBot);
    }

    /** In a private chat, "/start@bot" means "/start". */
    private String withoutOwnName(String text) {
        Matcher command = COMMAND.matcher(text);
        if (command.matches() && command.group(2) != null && command.group(2).equalsIgnoreCase(botUsername)) {
            return "/" + command.group(1) + command.group(3);
        }
        return text;
    }

    private String withoutMention(String text) {
        return text.replaceAll("(?i)@" + Pattern.quote(botUsername) + "\\b", "").strip();
    }

    private static boolean isPerson(User from) {
        return from != null && !Boolean.TRUE.equals(from.getIsBot());
    }

    private static UserRef userOf(User from) {
        return UserRef.of(PLATFORM, String.valueOf(from.getId()));
    }

    private static Optional<ChatRef> chatOf(Chat chat) {
        if (chat == null || chat.getType() == null) {
            return Optional.empty();
        }
        return switch (chat.getType()) {
            case "private" -> Optional.of(ChatRef.privateChat(PLATFORM, String.valueOf(chat.getId())));
            case "group", "supergroup" -> Optional.of(ChatRef.group(PLATFORM, String.valueOf(chat.getId())));
            default -> Optional.empty();
        };
    }
}
