package dev.comeback.telegram;

import dev.comeback.core.time.ShiftableClock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.comeback.core.Coach;
import dev.comeback.core.delivery.PrivateChats;
import dev.comeback.core.group.GroupDesk;
import dev.comeback.core.storage.JdbcGroupStore;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.delivery.Pacer;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.telegram.fake.FakeBotApi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * The real Telegram adapter on a real H2 file, talking to a {@link FakeBotApi} over loopback HTTP, with
 * helpers to chat as a Telegram user would: type, tap a button of the latest message, wait for the answer.
 */
final class BotHarness implements AutoCloseable {
    static final String TOKEN = "123456:TEST-token-never-to-be-logged";
    /** Private chats may send fast here, so quiz walks take a second, not a minute; limits have their own tests. */
    static final Pacer.Limits FAST = new Pacer.Limits(1000, 1000, Duration.ofMillis(1), 1, Duration.ofMillis(1), 1000);

    final FakeBotApi api;
    final Database db;
    final JdbcOutbox outbox;
    final JdbcConversationStore store;
    final Coach coach;
    final JdbcGroupStore groups;
    final GroupDesk desk;
    final ShiftableClock clock = new ShiftableClock();
    private final Pacer.Limits limits;
    TelegramBot bot;

    BotHarness(FakeBotApi api, Path dbFile, Pacer.Limits limits) {
        this.api = api;
        this.limits = limits;
        this.db = Database.open(Database.h2FileUrl(dbFile), "sa", "", 4);
        this.store = new JdbcConversationStore(db.dataSource());
        this.outbox = new JdbcOutbox(db.dataSource());
        this.coach = new Coach(new Conversation(ChatDriver.CONTENT), store);
        this.groups = new JdbcGroupStore(db.dataSource());
        this.desk = new GroupDesk(ChatDriver.CONTENT, store, groups, PrivateChats.byUserId());
        coach.setGroups(desk);
        this.bot = start();
    }

    TelegramBot start() {
        TelegramConfig config = TelegramConfig.of(TOKEN, "http://127.0.0.1:" + api.port()).withPollTimeout(Duration.ofSeconds(1));
        return TelegramBot.start(config, coach, outbox, clock, limits,
                java.util.Optional.of(new dev.comeback.core.progress.ProgressFiles(db.dataSource(), coach, ChatDriver.CONTENT)));
    }

    /** Stops the bot as a crash would leave it: whatever is in the database stays, nothing else. */
    void restart() {
        bot.close();
        bot = start();
    }

    /** Waits until every pushed update is handled and confirmed, and the outbox is empty. */
    void settle() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> api.pendingUpdates() == 0 && outbox.pending("telegram") == 0);
    }

    /** Types {@code text} in the person's private chat and waits for the answer. */
    FakeBotApi.SentMessage say(long user, String text) {
        int before = api.sentTo(user).size();
        api.pushText(user, "private", user, text);
        return awaitNew(user, before);
    }

    /** Taps the button labelled {@code label} (case-insensitive) on the latest message that has it. */
    FakeBotApi.SentMessage press(long user, String label) {
        int before = api.sentTo(user).size();
        Button button = button(user, label).orElseThrow(() -> new AssertionError(
                "no button '" + label + "' in the chat; last message: " + last(user).text()));
        api.pushCallback(user, user, button.messageId(), button.data());
        return awaitNew(user, before);
    }

    record Button(long messageId, String label, String data) {
    }

    Optional<Button> button(long chat, String label) {
        List<FakeBotApi.SentMessage> sent = api.sentTo(chat);
        for (int i = sent.size() - 1; i >= 0; i--) {
            for (JsonNode row : sent.get(i).replyMarkup().path("inline_keyboard")) {
                for (JsonNode b : row) {
                    if (b.path("text").asText().equalsIgnoreCase(label) && b.has("callback_data")) {
                        return Optional.of(new Button(sent.get(i).messageId(), b.path("text").asText(), b.path("callback_data").asText()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    FakeBotApi.SentMessage last(long chat) {
        List<FakeBotApi.SentMessage> sent = api.sentTo(chat);
        if (sent.isEmpty()) {
            throw new AssertionError("nothing was sent to " + chat);
        }
        return sent.get(sent.size() - 1);
    }

    private FakeBotApi.SentMessage awaitNew(long chat, int before) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> api.sentTo(chat).size() > before);
        settle();
        return last(chat);
    }

    @Override
    public void close() {
        bot.close();
        db.close();
    }
}
