package dev.comeback.app;

import dev.comeback.core.Coach;
import dev.comeback.core.ReminderDelivery;
import dev.comeback.core.ReminderPlanSync;
import dev.comeback.core.content.Content;
import dev.comeback.core.conversation.Conversation;
import dev.comeback.core.scheduling.DueReminderHandler;
import dev.comeback.core.scheduling.QuartzReminderScheduler;
import dev.comeback.core.scheduling.ScheduledReminder;
import dev.comeback.core.storage.Database;
import dev.comeback.core.storage.JdbcConversationStore;
import dev.comeback.core.storage.JdbcOutbox;
import dev.comeback.telegram.TelegramBot;
import dev.comeback.telegram.TelegramConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The bot on a messaging platform: database, core, the platform adapter and the reminder scheduler, which
 * queues reminders into the outbox for the adapter to send. Closing stops them in reverse order.
 */
final class Platforms implements AutoCloseable {
    private final Database db;
    private final TelegramBot telegram;
    private final QuartzReminderScheduler scheduler;

    private Platforms(Database db, TelegramBot telegram, QuartzReminderScheduler scheduler) {
        this.db = db;
        this.telegram = telegram;
        this.scheduler = scheduler;
    }

    static Platforms startTelegram(Settings settings, Content content, Clock clock, TelegramConfig config) {
        Database db = Database.open(settings.get("db.url"), settings.get("db.user"), settings.get("db.password"),
                settings.getInt("db.pool.size"));
        TelegramBot telegram = null;
        try {
            Coach coach = new Coach(new Conversation(content), new JdbcConversationStore(db.dataSource()));
            telegram = TelegramBot.start(config, coach, new JdbcOutbox(db.dataSource()), clock);
            QuartzReminderScheduler scheduler = QuartzReminderScheduler.start(db.dataSource(),
                    sendingAtOnce(ReminderDelivery.queued(coach), telegram), clock);
            coach.setTurnListener(new ReminderPlanSync(coach, scheduler, clock));
            return new Platforms(db, telegram, scheduler);
        } catch (RuntimeException e) {
            if (telegram != null) {
                telegram.close();
            }
            db.close();
            throw e;
        }
    }

    /** Queues each reminder and nudges the bot to send it now rather than at its next look at the outbox. */
    private static DueReminderHandler sendingAtOnce(DueReminderHandler queue, TelegramBot bot) {
        return new DueReminderHandler() {
            @Override
            public void onDue(ScheduledReminder reminder, Instant firedAt) {
                queue.onDue(reminder, firedAt);
                bot.wake();
            }

            @Override
            public void onStale(String userKey, List<ScheduledReminder> skipped, Instant firedAt) {
                queue.onStale(userKey, skipped, firedAt);
                bot.wake();
            }
        };
    }

    String telegramUsername() {
        return telegram.username();
    }

    /**
     * The orderly stop: receiving first (the update being handled finishes its turn), then the scheduler (the
     * reminders being handed off finish theirs), then sending (the message on the wire is finished and
     * recorded), and the database last, once nothing uses it.
     */
    @Override
    public void close() {
        telegram.stopReceiving();
        scheduler.stopFiring(Duration.ofSeconds(3));
        telegram.close();
        scheduler.close();
        db.close();
    }
}
