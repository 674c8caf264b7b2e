package dev.comeback.app;

import dev.comeback.core.Coach;
import dev.comeback.core.progress.ProgressFiles;
import dev.comeback.core.group.GroupDesk;
import dev.comeback.core.storage.JdbcGroupStore;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.content.Content;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.delivery.PrivateChats;
import dev.comeback.core.scheduling.DueReminderHandler;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.discord.DiscordBot;
import dev.comeback.discord.DiscordConfig;
import dev.comeback.telegram.TelegramBot;
import dev.comeback.telegram.TelegramConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bot on its messaging platforms (Telegram, Discord, or both in one process): one database, one core,
 * the platform adapters and the reminder scheduler, which queues reminders into the outbox for each person's
 * platform to send. Closing stops them in order.
 */
final class Platforms implements AutoCloseable {
    private final Database db;
    private final Optional<TelegramBot> telegram;
    private final Optional<DiscordBot> discord;
    private final QuartzReminderScheduler scheduler;

    private Platforms(Database db, Optional<TelegramBot> telegram, Optional<DiscordBot> discord,
                      QuartzReminderScheduler scheduler) {
        this.db = db;
        this.telegram = telegram;
        this.discord = discord;
        this.scheduler = scheduler;
    }

    static Platforms startTelegram(Settings settings, Content content, Clock clock, TelegramConfig config) {
        return start(settings, content, clock, Optional.of(config), Optional.empty());
    }

    static Platforms start(Settings settings, Content content, Clock clock, Optional<TelegramConfig> telegramConfig,
                           Optional<DiscordConfig> discordConfig) {
        if (telegramConfig.isEmpty() && discordConfig.isEmpty()) {
            throw new IllegalArgumentException("no platform to run on");
        }
        Database db = Database.open(settings.get("db.url"), settings.get("db.user"), settings.get("db.password"),
                settings.getInt("db.pool.size"),
                settings.compaction());
        Optional<TelegramBot> telegram = Optional.empty();
        Optional<DiscordBot> discord = Optional.empty();
        try {
            JdbcConversationStore store = new JdbcConversationStore(db.dataSource());
            Coach coach = new Coach(new Conversation(content), store);
            JdbcOutbox outbox = new JdbcOutbox(db.dataSource());
            ProgressFiles files = new ProgressFiles(db.dataSource(), coach, content);
            Map<String, PrivateChats> privateChats = new HashMap<>();
            if (telegramConfig.isPresent()) {
                privateChats.put("telegram", PrivateChats.byUserId());
            }
            if (discordConfig.isPresent()) {
                privateChats.put(DiscordBot.PLATFORM, DiscordBot.PRIVATE_CHATS);
            }
            PrivateChats chats = PrivateChats.byPlatform(privateChats);
            // Coaching groups: each adapter registers what its platform says about a group when it starts.
            GroupDesk groups = new GroupDesk(content, store, new JdbcGroupStore(db.dataSource()), chats);
            coach.setGroups(groups);
            List<Runnable> wakes = new ArrayList<>();
            if (telegramConfig.isPresent()) {
                TelegramBot bot = TelegramBot.start(telegramConfig.get(), coach, outbox, clock, files);
                telegram = Optional.of(bot);
                wakes.add(bot::wake);
            }
            if (discordConfig.isPresent()) {
                DiscordBot bot = DiscordBot.start(discordConfig.get(), coach, outbox, clock, files);
                discord = Optional.of(bot);
                wakes.add(bot::wake);
            }
            QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(),
                    sendingAtOnce(groups.routing(ReminderDelivery.queued(coach, chats), true, out -> { }), wakes), clock,
                    settings.deliveryRetention());
            groups.useScheduler(scheduler);
            Main.planRemindersAtStartUp(coach, scheduler, clock);
            groups.planAll(clock);
            return new Platforms(db, telegram, discord, scheduler);
        } catch (RuntimeException e) {
            telegram.ifPresent(TelegramBot::close);
            discord.ifPresent(DiscordBot::close);
            db.close();
            throw e;
        }
    }

    /** Queues each reminder and nudges the bots to send it now rather than at their next look at the outbox. */
    private static DueReminderHandler sendingAtOnce(DueReminderHandler queue, List<Runnable> wakes) {
        return new DueReminderHandler() {
            @Override
            public void onDue(ScheduledReminder reminder, Instant firedAt) {
                queue.onDue(reminder, firedAt);
                wakes.forEach(Runnable::run);
            }

            @Override
            public void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {
                queue.onStale(userKey, skipped, firedAt);
                wakes.forEach(Runnable::run);
            }
        };
    }

    String telegramUsername() {
        return telegram.map(TelegramBot::username).orElseThrow();
    }

    /** Where the bot runs, for the start-up line: "Telegram as @x and Discord as y". */
    String describe() {
        List<String> where = new ArrayList<>();
        telegram.ifPresent(t -> where.add("Telegram as @" + t.username()));
        discord.ifPresent(d -> where.add("Discord as " + d.username()));
        return String.join(" and ", where);
    }

    /**
     * The orderly stop: receiving first (the update being handled finishes its turn), then the scheduler (the
     * reminders being handed off finish theirs), then sending (the message on the wire is finished and
     * recorded), and the database last, once nothing uses it.
     */
    @Override
    public void close() {
        telegram.ifPresent(TelegramBot::stopReceiving);
        discord.ifPresent(DiscordBot::stopReceiving);
        scheduler.stopFiring(Duration.ofSeconds(3));
        telegram.ifPresent(TelegramBot::close);
        discord.ifPresent(DiscordBot::close);
        scheduler.close();
        db.close();
    }
}
