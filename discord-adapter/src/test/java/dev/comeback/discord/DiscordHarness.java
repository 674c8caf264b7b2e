package dev.comeback.discord;

import dev.comeback.core.Coach;
import dev.comeback.core.group.GroupDesk;
import dev.comeback.core.storage.JdbcGroupStore;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.delivery.DeliveryLimits;
import dev.comeback.core.delivery.Pacer;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.core.testkit.ChatDriver;
import dev.comeback.discord.fake.FakeDiscord;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The real Discord adapter (real JDA) on a real H2 file, talking to a {@link FakeDiscord} over loopback, with
 * helpers to act as a Discord user would: run a slash command, press a button, type in DMs, and wait for
 * the answer (never a fixed sleep).
 */
final class DiscordHarness implements AutoCloseable {
    static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.TEST.discord-token-never-to-be-logged";
    static final String GUILD = "800000000000000001";
    /** Fast pacing, so quiz walks take a second; Discord's own figures have their own tests. */
    static final DeliveryLimits FAST = DiscordSender.LIMITS.withPacing(
            new Pacer.Limits(1000, 1000, Duration.ofMillis(1), 1, Duration.ofMillis(1), 1000));

    final FakeDiscord discord;
    final Database db;
    final JdbcOutbox outbox;
    final JdbcConversationStore store;
    final Coach coach;
    final JdbcGroupStore groups;
    final GroupDesk desk;
    final Clock clock;
    private final DeliveryLimits limits;
    DiscordBot bot;

    DiscordHarness(FakeDiscord discord, Path dbFile, DeliveryLimits limits, Clock clock) {
        this.discord = discord;
        this.limits = limits;
        this.clock = clock;
        this.db = Database.open(Database.h2FileUrl(dbFile), "sa", "", 4);
        this.store = new JdbcConversationStore(db.dataSource());
        this.outbox = new JdbcOutbox(db.dataSource());
        this.coach = new Coach(new Conversation(ChatDriver.CONTENT), store);
        this.groups = new JdbcGroupStore(db.dataSource());
        this.desk = new GroupDesk(ChatDriver.CONTENT, store, groups, DiscordBot.PRIVATE_CHATS);
        coach.setGroups(desk);
        this.bot = start();
    }

    DiscordBot start() {
        DiscordConfig config = DiscordConfig.of(TOKEN, discord.apiUrl(), discord.gatewayUrl()).withMemberEvents(true);
        return DiscordBot.start(config, coach, outbox, clock, limits,
                java.util.Optional.of(new dev.comeback.core.progress.ProgressFiles(db.dataSource(), coach, ChatDriver.CONTENT)));
    }

    void restart() {
        bot.close();
        bot = start();
    }

    void settle() {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> outbox.pending("discord") == 0);
    }

    FakeDiscord.Sent slash(String user, String name) {
        return slash(user, null, name, Map.of());
    }

    FakeDiscord.Sent slash(String user, String guild, String name, Map<String, Object> options) {
        int before = discord.sentTo(user).size();
        discord.slash(user, guild, name, options);
        return awaitNew(user, before);
    }

    FakeDiscord.Sent dm(String user, String text) {
        int before = discord.sentTo(user).size();
        discord.dm(user, text);
        return awaitNew(user, before);
    }

    /** Presses the button labelled {@code label} on the latest message that has it. */
    FakeDiscord.Sent press(String user, String label) {
        int before = discord.sentTo(user).size();
        discord.press(withButton(user, label), label);
        return awaitNew(user, before);
    }

    FakeDiscord.Sent withButton(String user, String label) {
        List<FakeDiscord.Sent> sent = discord.sentTo(user);
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (sent.get(i).customId(label).isPresent()) {
                return sent.get(i);
            }
        }
        throw new AssertionError("no button '" + label + "' for " + user + "; last: " + discord.lastTo(user));
    }

    FakeDiscord.Sent last(String user) {
        return discord.lastTo(user).orElseThrow(() -> new AssertionError("nothing was sent to " + user));
    }

    private FakeDiscord.Sent awaitNew(String user, int before) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
                .until(() -> discord.sentTo(user).size() > before);
        settle();
        return last(user);
    }

    @Override
    public void close() {
        bot.close();
        db.close();
    }
}
