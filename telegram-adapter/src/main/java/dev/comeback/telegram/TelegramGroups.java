package dev.comeback.telegram;

import dev.comeback.core.group.GroupDirectory;
import dev.comeback.core.message.ChatRef;
import dev.comeback.core.message.UserRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the core asks Telegram about a group: its administrators, read with getChatAdministrators at the moment
 * a coach command needs them (never cached: an admin removed a minute ago is no longer one), and the names
 * of people and groups as the latest updates showed them. The bot cannot write first to someone who never
 * started it, so joining goes through a t.me link with the group's join token.
 */
final class TelegramGroups implements GroupDirectory {
    private static final Logger log = LoggerFactory.getLogger(TelegramGroups.class);
    /** Names remembered from updates; the oldest are forgotten past this. */
    private static final int REMEMBERED = 10_000;

    private final TelegramClient client;
    private final Map<String, User> users = bounded();
    private final Map<String, String> titles = bounded();

    TelegramGroups(TelegramClient client) {
        this.client = client;
    }

    private static <V> Map<String, V> bounded() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > REMEMBERED;
            }
        });
    }

    /** Remembers who wrote and the group's title, so the names are at hand when the core asks for them. */
    void saw(Update update) {
        Message message = update.hasMessage() ? update.getMessage() : null;
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            remember(query.getFrom());
        }
        if (message != null) {
            remember(message.getFrom());
            remember(message.getChat());
        }
    }

    private void remember(User user) {
        if (user != null && user.getId() != null) {
            users.put(String.valueOf(user.getId()), user);
        }
    }

    private void remember(Chat chat) {
        if (chat != null && chat.getTitle() != null) {
            titles.put(String.valueOf(chat.getId()), chat.getTitle());
        }
    }

    @Override
    public boolean isAdmin(UserRef user, ChatRef group) {
        try {
            List<ChatMember> admins = client.execute(GetChatAdministrators.builder().chatId(group.id()).build());
            return admins.stream().anyMatch(a -> a.getUser() != null && String.valueOf(a.getUser().getId()).equals(user.id()));
        } catch (TelegramApiException e) {
            log.warn("cannot read the administrators of group {}: {}", group.id(), e.getMessage());
            return false;
        }
    }

    @Override
    public Name nameOf(UserRef user, ChatRef group) {
        User known = users.get(user.id());
        if (known == null) {
            return new Name(user.id(), user.id());
        }
        String handle = known.getUserName() == null ? user.id() : known.getUserName();
        String display = known.getFirstName() == null || known.getFirstName().isBlank() ? handle : known.getFirstName();
        return new Name(display, handle);
    }

    @Override
    public String titleOf(ChatRef group) {
        return titles.getOrDefault(group.id(), "this group");
    }

    @Override
    public boolean mayWriteFirst() {
        return false;
    }
}
